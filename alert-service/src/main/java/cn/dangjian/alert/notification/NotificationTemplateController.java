package cn.dangjian.alert.notification;

import cn.dangjian.alert.notification.NotificationViews.Preview;
import cn.dangjian.alert.notification.NotificationViews.PreviewRequest;
import cn.dangjian.alert.notification.NotificationViews.TemplateUpdate;
import cn.dangjian.alert.notification.NotificationViews.TemplateView;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Message templates per kind, versioned; platform admins (组织部) only. */
@RestController
@RequestMapping("/api/notifications/templates")
@Tag(name = "消息模板 notification templates", description = "各类消息的标题与正文模板（组织部维护）")
@PreAuthorize("hasRole('platform-admin')")
public class NotificationTemplateController {

  private final NotificationTemplateStore templates;
  private final NotificationSettings settings;
  private final CurrentCaller caller;
  private final Clock clock;

  NotificationTemplateController(
      NotificationTemplateStore templates,
      NotificationSettings settings,
      CurrentCaller caller,
      Clock clock) {
    this.templates = templates;
    this.settings = settings;
    this.caller = caller;
    this.clock = clock;
  }

  @GetMapping
  @Operation(operationId = "listNotificationTemplates", summary = "消息模板列表 (current templates)")
  public List<TemplateView> list() {
    Map<NotificationKind, NotificationTemplateStore.Template> active = templates.allActive();
    List<TemplateView> views = new ArrayList<>();
    for (NotificationKind kind : NotificationKind.values()) {
      views.add(view(kind, active.get(kind)));
    }
    return views;
  }

  @PutMapping("/{kind}")
  @Transactional
  @Operation(
      operationId = "updateNotificationTemplate",
      summary = "修改消息模板（新增版本，旧版本保留） (new template version)")
  public ResponseEntity<TemplateView> update(
      @PathVariable NotificationKind kind,
      @Valid @RequestBody TemplateUpdate body,
      ExpectedVersion expected) {
    checkVariables(kind, body.title() + body.body());
    int current = templates.active(kind).map(NotificationTemplateStore.Template::version).orElse(0);
    if (expected.value() != current) {
      throw ProblemException.preconditionFailed();
    }
    templates.addVersion(
        kind, current + 1, body.title(), body.body(), caller.usernameOrSystem(), clock.instant());
    return Versions.ok(view(kind, templates.active(kind).orElse(null)), current + 1);
  }

  @PostMapping("/{kind}/preview")
  @Operation(operationId = "previewNotificationTemplate", summary = "预览消息模板 (render a template)")
  public Preview preview(
      @PathVariable NotificationKind kind, @Valid @RequestBody PreviewRequest body) {
    TemplateView current = view(kind, templates.active(kind).orElse(null));
    String title = body.title() != null ? body.title() : current.title();
    String text = body.body() != null ? body.body() : current.body();
    checkVariables(kind, title + text);
    Map<String, String> given = body.variables() == null ? Map.of() : body.variables();
    Set<String> unknown = new java.util.TreeSet<>(given.keySet());
    unknown.removeAll(kind.variables());
    if (!unknown.isEmpty()) {
      throw unknownVariables(kind, unknown);
    }
    Map<String, String> values = new HashMap<>();
    kind.variables().forEach(v -> values.put(v, "示例" + v));
    values.putAll(given);
    return new Preview(TemplateText.render(title, values), TemplateText.render(text, values));
  }

  private void checkVariables(NotificationKind kind, String text) {
    Set<String> unknown = TemplateText.unknown(text, kind.variables());
    if (!unknown.isEmpty()) {
      throw unknownVariables(kind, unknown);
    }
  }

  private static ProblemException unknownVariables(NotificationKind kind, Set<String> unknown) {
    return ProblemException.badRequest(
        "notification.template.unknown-variable",
        String.join(", ", unknown),
        String.join(", ", kind.variables()));
  }

  private TemplateView view(NotificationKind kind, NotificationTemplateStore.Template t) {
    if (t == null) {
      NotificationSettings.KindRule rule = settings.rule(kind);
      return new TemplateView(kind, 0, rule.title(), rule.body(), kind.variables(), "system", null);
    }
    return new TemplateView(
        kind, t.version(), t.title(), t.body(), kind.variables(), t.createdBy(), t.createdAt());
  }
}
