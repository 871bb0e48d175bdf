package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.notification.NotificationViews.Deliveries;
import cn.dangjian.alert.notification.NotificationViews.DeliveryLogEntry;
import cn.dangjian.alert.notification.NotificationViews.DeliveryView;
import cn.dangjian.alert.notification.NotificationViews.NotificationView;
import cn.dangjian.alert.notification.NotificationViews.PreferenceChoice;
import cn.dangjian.alert.notification.NotificationViews.PreferenceView;
import cn.dangjian.alert.notification.NotificationViews.PreferencesUpdate;
import cn.dangjian.alert.notification.NotificationViews.ReadAll;
import cn.dangjian.alert.notification.NotificationViews.UnreadCount;
import cn.dangjian.alert.notification.NotificationViews.Unsubscribed;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.PageResponse;
import cn.dangjian.platform.web.Sorting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's own notifications and settings; the member is the token's {@code member_id}. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "消息通知 notifications", description = "我的站内消息、外部渠道设置与退订")
@Validated
public class NotificationController {

  // ids are UUIDv7: within one created_at (stored to the second by the driver) newer is higher
  private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");
  private static final Set<String> SORTABLE = Set.of("createdAt", "kind");
  private static final Map<String, String> COLUMNS =
      Map.of("createdAt", "created_at", "kind", "kind", "id", "id");

  private final NotificationStore store;
  private final NotificationDeliveryStore deliveries;
  private final NotificationPreferenceStore preferences;
  private final NotificationSettings settings;
  private final UnsubscribeTokens tokens;
  private final CurrentCaller caller;
  private final Clock clock;

  NotificationController(
      NotificationStore store,
      NotificationDeliveryStore deliveries,
      NotificationPreferenceStore preferences,
      NotificationSettings settings,
      UnsubscribeTokens tokens,
      CurrentCaller caller,
      Clock clock) {
    this.store = store;
    this.deliveries = deliveries;
    this.preferences = preferences;
    this.settings = settings;
    this.tokens = tokens;
    this.caller = caller;
    this.clock = clock;
  }

  @GetMapping
  @Operation(operationId = "listMyNotifications", summary = "我的消息 (my inbox)")
  public PageResponse<NotificationView> list(
      @Parameter(description = "仅未读") @RequestParam(defaultValue = "false") boolean unread,
      @Parameter(description = "消息类型") @RequestParam(required = false) NotificationKind kind,
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
          int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    UUID member = member();
    Sort order = Sorting.parse(sort, NEWEST_FIRST, SORTABLE);
    List<String> by = new ArrayList<>();
    order.forEach(o -> by.add(COLUMNS.get(o.getProperty()) + (o.isDescending() ? " DESC" : "")));
    List<NotificationView> items =
        store.page(member, unread, kind, String.join(", ", by), size, (long) page * size).stream()
            .map(NotificationController::view)
            .toList();
    return PageResponse.of(items, page, size, store.count(member, unread, kind));
  }

  @GetMapping("/unread-count")
  @Operation(operationId = "countMyUnreadNotifications", summary = "未读消息数 (unread count)")
  public UnreadCount unreadCount() {
    return new UnreadCount(store.count(member(), true, null));
  }

  @PostMapping("/{id}/read")
  @Transactional
  @Operation(operationId = "readNotification", summary = "标为已读 (mark read)")
  public NotificationView read(@PathVariable UUID id) {
    UUID member = member();
    if (!store.markRead(member, id, clock.instant())) {
      throw notFound(id);
    }
    return store.get(member, id).map(NotificationController::view).orElseThrow(() -> notFound(id));
  }

  @PostMapping("/read-all")
  @Transactional
  @Operation(operationId = "readAllNotifications", summary = "全部标为已读 (mark all read)")
  public ReadAll readAll() {
    return new ReadAll(store.markAllRead(member(), clock.instant()));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "deleteNotification", summary = "删除消息 (delete from my inbox)")
  public void delete(@PathVariable UUID id) {
    if (!store.delete(member(), id, clock.instant())) {
      throw notFound(id);
    }
  }

  @GetMapping("/{id}/deliveries")
  @Operation(
      operationId = "listNotificationDeliveries",
      summary = "消息的外部投递记录 (delivery log of one of my notifications)")
  public Deliveries deliveries(@PathVariable UUID id) {
    UUID member = member();
    store.get(member, id).orElseThrow(() -> notFound(id));
    return new Deliveries(
        deliveries.ofNotification(id).stream()
            .map(
                d ->
                    new DeliveryView(
                        d.id(),
                        d.channel(),
                        d.status(),
                        d.attempts(),
                        d.nextAttemptAt(),
                        d.lastCode(),
                        d.lastDetail(),
                        d.digestId(),
                        d.createdAt(),
                        d.sentAt()))
            .toList(),
        deliveries.logOf(id).stream()
            .map(
                l ->
                    new DeliveryLogEntry(
                        l.deliveryId(),
                        l.channel(),
                        l.event(),
                        l.attempt(),
                        l.providerCode(),
                        l.detail(),
                        l.at()))
            .toList());
  }

  @GetMapping("/preferences")
  @Operation(operationId = "getNotificationPreferences", summary = "消息接收设置 (my preferences)")
  public List<PreferenceView> preferences() {
    return views(member());
  }

  @PutMapping("/preferences")
  @Transactional
  @Operation(
      operationId = "updateNotificationPreferences",
      summary = "修改消息接收设置 (choose external channels per kind)")
  public List<PreferenceView> updatePreferences(@Valid @RequestBody PreferencesUpdate body) {
    UUID member = member();
    for (PreferenceChoice choice : body.preferences()) {
      preferences.choose(member, choice.kind(), choice.channels(), clock.instant());
    }
    return views(member);
  }

  @GetMapping("/unsubscribe")
  @Transactional
  @SecurityRequirements
  @Operation(
      operationId = "unsubscribeNotifications",
      summary = "一键退订 (turn one kind × channel off; public, signed token)")
  public Unsubscribed unsubscribe(
      @Parameter(description = "外部消息中的退订令牌") @RequestParam String token) {
    UnsubscribeTokens.Subscription s =
        tokens
            .verify(token)
            .orElseThrow(() -> ProblemException.badRequest("notification.unsubscribe-invalid"));
    preferences.optOut(s.memberId(), s.kind(), s.channel(), clock.instant());
    return new Unsubscribed(
        s.kind(), s.channel(), "已退订：此后不再通过" + channelName(s.channel()) + "发送此类消息，站内消息不受影响。");
  }

  private List<PreferenceView> views(UUID member) {
    Map<NotificationKind, NotificationPreferenceStore.Stored> stored = preferences.of(member);
    List<PreferenceView> views = new ArrayList<>();
    for (NotificationKind kind : NotificationKind.values()) {
      Set<ExternalChannel> defaults = settings.rule(kind).channels();
      NotificationPreferenceStore.Stored s = stored.get(kind);
      Set<ExternalChannel> optedOut = s == null ? Set.of() : s.optedOut();
      views.add(
          new PreferenceView(
              kind,
              NoNoiseRules.channels(defaults, s == null ? null : s.chosen(), optedOut),
              defaults,
              optedOut));
    }
    return views;
  }

  private UUID member() {
    return caller
        .get()
        .memberId()
        .orElseThrow(() -> ProblemException.forbidden("notification.no-member"));
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("notification.not-found", id);
  }

  private static String channelName(ExternalChannel channel) {
    return switch (channel) {
      case WECHAT -> "微信";
      case SMS -> "短信";
      case EMAIL -> "电子邮件";
    };
  }

  static NotificationView view(NotificationStore.Row r) {
    return new NotificationView(
        r.id(), r.kind(), r.title(), r.body(), r.link(), r.urgent(), r.createdAt(), r.readAt());
  }
}
