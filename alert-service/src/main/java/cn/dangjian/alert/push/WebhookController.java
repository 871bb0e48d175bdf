package cn.dangjian.alert.push;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions per org: signed pushes of every alert change in the org's subtree. */
@RestController
@RequestMapping("/api/alerts/webhooks")
@Tag(name = "预警推送 webhooks", description = "按组织订阅预警变更，HMAC-SHA256 签名推送")
@PreAuthorize("hasAnyRole('platform-admin','secretary')")
public class WebhookController {

  private final JdbcTemplate jdbc;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;
  private final MemberProjection projection;
  private final WebhookOutbox outbox;
  private final Clock clock;
  private final WebhookTargets targets;
  private final WebhookSecrets secrets;
  private final MessageSource messages;
  private final SecureRandom random = new SecureRandom();

  WebhookController(
      JdbcTemplate jdbc,
      CurrentCaller caller,
      DataScopeResolver scopes,
      MemberProjection projection,
      WebhookOutbox outbox,
      Clock clock,
      WebhookTargets targets,
      WebhookSecrets secrets,
      MessageSource messages) {
    this.jdbc = jdbc;
    this.targets = targets;
    this.secrets = secrets;
    this.messages = messages;
    this.outbox = outbox;
    this.caller = caller;
    this.scopes = scopes;
    this.projection = projection;
    this.clock = clock;
  }

  public record CreateSubscription(
      @Schema(description = "订阅的组织（含下级）") @NotNull UUID orgId,
      @Schema(
              description = "接收地址：https，主机须解析为公网地址（不得为本机、内网、链路本地、组播地址）",
              example = "https://oa.example.cn/hooks/dangjian")
          @NotNull
          @Size(max = 500)
          @Pattern(regexp = "https?://\\S+", message = "{webhook.url}")
          String url,
      @Schema(description = "最低推送级别，默认 NOTICE") Severity minSeverity,
      @Schema(description = "签名密钥（16–200字符）；不填则由系统生成并仅返回一次") @Size(min = 16, max = 200)
          String secret) {}

  public record Subscription(
      UUID id,
      UUID orgId,
      String url,
      Severity minSeverity,
      String status,
      int consecutiveFailures,
      Instant createdAt,
      @Schema(description = "签名密钥，仅在创建时返回（幂等重放的响应中不含密钥）") String secret) {}

  public record Delivery(
      UUID id,
      UUID alertId,
      String eventType,
      String status,
      int attempts,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant deliveredAt) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  @Operation(summary = "创建预警推送订阅 (subscribe an org's alerts)")
  public Subscription create(
      @Valid @RequestBody CreateSubscription body, HttpServletRequest request) {
    ProjectedOrg org = visibleOrg(body.orgId());
    try {
      targets.check(body.url());
    } catch (WebhookTargets.Refused e) {
      throw refusedUrl();
    }
    String secret = body.secret() != null ? body.secret() : newSecret();
    UUID id = UuidV7.next();
    Severity min = body.minSeverity() == null ? Severity.NOTICE : body.minSeverity();
    Instant now = clock.instant();
    jdbc.update(
        "INSERT INTO webhook_subscription (id, org_id, org_path, url, secret, min_severity, status,"
            + " consecutive_failures, created_by, created_at) VALUES (?,?,?,?,?,?,'ACTIVE',0,?,?)",
        bytes(id),
        bytes(org.orgId()),
        org.path(),
        body.url(),
        secrets.seal(secret, id),
        min.name(),
        caller.usernameOrSystem(),
        Timestamp.from(now));
    outbox.subscriptionsChanged();
    // with an Idempotency-Key the stored (replayable) response must not hold the secret
    String returned = WebhookSecretFilter.handOver(request, secret) ? null : secret;
    return new Subscription(id, org.orgId(), body.url(), min, "ACTIVE", 0, now, returned);
  }

  /** 400 naming the field, without saying what the host resolved to. */
  private ProblemException refusedUrl() {
    String message =
        messages.getMessage("webhook.url-refused", null, LocaleContextHolder.getLocale());
    return new ProblemException(
        ProblemType.VALIDATION,
        "webhook.url-refused",
        null,
        Map.of("errors", List.of(Map.of("field", "url", "message", message))));
  }

  @GetMapping
  @Operation(summary = "订阅列表 (subscriptions in my subtree)")
  public List<Subscription> list() {
    DataScope scope = scopes.resolve(caller.get());
    return jdbc
        .query(
            "SELECT id, org_id, org_path, url, min_severity, status, consecutive_failures, created_at"
                + " FROM webhook_subscription ORDER BY created_at",
            (rs, n) ->
                new Object[] {
                  new Subscription(
                      uuid(rs.getBytes("id")),
                      uuid(rs.getBytes("org_id")),
                      rs.getString("url"),
                      Severity.valueOf(rs.getString("min_severity")),
                      rs.getString("status"),
                      rs.getInt("consecutive_failures"),
                      rs.getTimestamp("created_at").toInstant(),
                      null),
                  rs.getString("org_path")
                })
        .stream()
        .filter(row -> scope.coversPath((String) row[1]))
        .map(row -> (Subscription) row[0])
        .toList();
  }

  @GetMapping("/{id}/deliveries")
  @Operation(summary = "推送记录 (delivery log, newest first)")
  public List<Delivery> deliveries(@PathVariable UUID id) {
    visibleSubscription(id);
    return jdbc.query(
        "SELECT id, alert_id, event_type, status, attempts, last_status, last_error, created_at,"
            + " delivered_at FROM webhook_delivery WHERE subscription_id = ?"
            + " ORDER BY created_at DESC LIMIT 200",
        (rs, n) ->
            new Delivery(
                uuid(rs.getBytes("id")),
                uuid(rs.getBytes("alert_id")),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("delivered_at") == null
                    ? null
                    : rs.getTimestamp("delivered_at").toInstant()),
        bytes(id));
  }

  @PostMapping("/{id}/enable")
  @Transactional
  @Operation(summary = "重新启用订阅 (re-enable after the endpoint is fixed)")
  public void enable(@PathVariable UUID id) {
    visibleSubscription(id);
    jdbc.update(
        "UPDATE webhook_subscription SET status = 'ACTIVE', consecutive_failures = 0 WHERE id = ?",
        bytes(id));
    outbox.subscriptionsChanged();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  @Operation(summary = "删除订阅 (unsubscribe)")
  public void delete(@PathVariable UUID id) {
    visibleSubscription(id);
    jdbc.update("DELETE FROM webhook_delivery WHERE subscription_id = ?", bytes(id));
    jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", bytes(id));
    outbox.subscriptionsChanged();
  }

  private ProjectedOrg visibleOrg(UUID orgId) {
    DataScope scope = scopes.resolve(caller.get());
    return projection
        .org(orgId)
        .filter(org -> scope.coversPath(org.path()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }

  private void visibleSubscription(UUID id) {
    DataScope scope = scopes.resolve(caller.get());
    List<String> paths =
        jdbc.queryForList(
            "SELECT org_path FROM webhook_subscription WHERE id = ?", String.class, bytes(id));
    if (paths.isEmpty() || !scope.coversPath(paths.get(0))) {
      throw ProblemException.notFound("webhook.not-found", id);
    }
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
