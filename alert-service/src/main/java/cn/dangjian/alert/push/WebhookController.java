package cn.dangjian.alert.push;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.push.WebhookViews.CreateSubscription;
import cn.dangjian.alert.push.WebhookViews.Delivery;
import cn.dangjian.alert.push.WebhookViews.Subscription;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
@Tag(
    name = "预警推送 webhooks",
    description =
        "按组织订阅预警变更，按 Standard Webhooks 签名推送（webhook-id、webhook-timestamp、webhook-signature v1）")
@PreAuthorize("hasAnyRole('platform-admin','secretary')")
public class WebhookController {

  private final WebhookStore store;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;
  private final MemberProjection projection;
  private final WebhookOutbox outbox;
  private final Clock clock;
  private final WebhookTargets targets;
  private final WebhookSecrets secrets;
  private final MessageSource messages;
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(WebhookController.class);

  WebhookController(
      WebhookStore store,
      CurrentCaller caller,
      DataScopeResolver scopes,
      MemberProjection projection,
      WebhookOutbox outbox,
      Clock clock,
      WebhookTargets targets,
      WebhookSecrets secrets,
      MessageSource messages) {
    this.store = store;
    this.targets = targets;
    this.secrets = secrets;
    this.messages = messages;
    this.outbox = outbox;
    this.caller = caller;
    this.scopes = scopes;
    this.projection = projection;
    this.clock = clock;
  }

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
    store.insert(
        id,
        org.orgId(),
        org.path(),
        body.url(),
        secrets.seal(secret, id),
        min,
        caller.usernameOrSystem(),
        now);
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
    return store.all().stream()
        .filter(row -> scope.coversPath(row.orgPath()))
        .map(WebhookStore.Scoped::subscription)
        .toList();
  }

  @GetMapping("/{id}/deliveries")
  @Operation(summary = "推送记录 (delivery log, newest first)")
  public List<Delivery> deliveries(@PathVariable UUID id) {
    visibleSubscription(id);
    return store.deliveries(id);
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Transactional
  @Operation(
      summary = "重新投递 (redeliver a logged delivery)",
      description =
          "以同一 webhook-id 重新排队投递该条消息（接收方据此去重），新记录注明原记录和发起人；订阅须为启用状态。"
              + " (Queues the delivery's message again under the same webhook-id; the new log entry"
              + " names the original and who asked. The subscription must be active.)")
  public Delivery redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
    visibleSubscription(id);
    if (!"ACTIVE".equals(store.status(id).orElse(""))) {
      throw ProblemException.conflict("webhook.disabled", id);
    }
    String who = caller.usernameOrSystem();
    Delivery queued =
        store
            .redeliver(id, deliveryId, UuidV7.next(), who, clock.instant())
            .orElseThrow(() -> ProblemException.notFound("webhook.delivery-not-found", deliveryId));
    // the audit trail: the new row names who asked, and the log says it too
    log.info("webhook delivery {} of subscription {} redelivered by {}", deliveryId, id, who);
    return queued;
  }

  @PostMapping("/{id}/enable")
  @Transactional
  @Operation(summary = "重新启用订阅 (re-enable after the endpoint is fixed)")
  public void enable(@PathVariable UUID id) {
    visibleSubscription(id);
    store.enable(id);
    outbox.subscriptionsChanged();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  @Operation(summary = "删除订阅 (unsubscribe)")
  public void delete(@PathVariable UUID id) {
    visibleSubscription(id);
    store.delete(id);
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
    Optional<String> path = store.orgPath(id);
    if (path.isEmpty() || !scope.coversPath(path.get())) {
      throw ProblemException.notFound("webhook.not-found", id);
    }
  }

  private static String newSecret() {
    return WebhookSigner.newSecret();
  }
}
