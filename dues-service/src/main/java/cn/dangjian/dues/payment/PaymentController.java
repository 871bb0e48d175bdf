package cn.dangjian.dues.payment;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.payment.PaymentRequests.CreatePayment;
import cn.dangjian.dues.payment.PaymentRequests.PaymentView;
import cn.dangjian.dues.payment.PaymentRequests.Reverse;
import cn.dangjian.dues.provider.PaymentProvider;
import cn.dangjian.dues.provider.SandboxPaymentProvider;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.web.IdempotencyFilter;
import cn.dangjian.platform.web.PageResponse;
import cn.dangjian.platform.web.Sorting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dues/payments")
@Tag(name = "缴纳党费 Payments", description = "线下登记与在线支付、支付回调、冲正 (payments)")
@Validated
class PaymentController {

  /** What the payment list may be sorted by; newest first unless asked otherwise. */
  static final Set<String> SORTABLE = Set.of("createdAt", "paidAt", "totalFen", "status");

  private final PaymentCreation creation;
  private final PaymentService service;
  private final PaymentCallbacks callbacks;
  private final PaymentMapper mapper;
  private final DuesAccess access;

  PaymentController(
      PaymentCreation creation,
      PaymentService service,
      PaymentCallbacks callbacks,
      PaymentMapper mapper,
      DuesAccess access) {
    this.creation = creation;
    this.service = service;
    this.callbacks = callbacks;
    this.mapper = mapper;
    this.access = access;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @Operation(
      summary = "缴纳党费 (pay dues)",
      description =
          "必须带 Idempotency-Key。一次可缴当月、补交最多6个月、预交（上限可配置），并可自愿多交；一次性多交1000元及以上"
              + "标记为上缴中央。线下由党务工作者登记收据号，立即入账；在线由党员本人发起，返回支付地址，回调验签后入账。"
              + "同一账单不会被缴两次。 Needs Idempotency-Key; a bill is never paid twice.")
  ResponseEntity<PaymentView> create(
      @Parameter(required = true, description = "幂等键：必填，重试时用同一个 (required; reuse it when retrying)")
          @RequestHeader(value = IdempotencyFilter.HEADER, required = false)
          String idempotencyKey,
      @Valid @RequestBody CreatePayment request) {
    requireKey(idempotencyKey);
    Payment payment = creation.create(request, access.current());
    return ResponseEntity.created(URI.create("/api/dues/payments/" + payment.getId()))
        .body(mapper.toView(payment));
  }

  @GetMapping
  @Operation(summary = "缴费记录 (list payments)", description = "党员本人只看到自己的。Members see their own.")
  PageResponse<PaymentView> list(
      @RequestParam(required = false) UUID memberId,
      @RequestParam(required = false) UUID orgId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    return PageResponse.of(
        service.list(
            memberId,
            orgId,
            access.current(),
            PageRequest.of(
                page,
                size,
                Sorting.parse(sort, Sort.by(Sort.Direction.DESC, "createdAt", "id"), SORTABLE))),
        mapper::toView);
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询缴费记录 (get a payment)")
  PaymentView get(@PathVariable UUID id) {
    return mapper.toView(service.get(id, access.current()));
  }

  @PostMapping("/{id}/reversal")
  @Operation(
      summary = "冲正 (reverse a payment)",
      description = "书记或管理员，须说明原因，写入审计；所缴月份恢复为未缴。Needs Idempotency-Key and a reason.")
  PaymentView reverse(
      @PathVariable UUID id,
      @Parameter(required = true, description = "幂等键：必填，重试时用同一个 (required; reuse it when retrying)")
          @RequestHeader(value = IdempotencyFilter.HEADER, required = false)
          String idempotencyKey,
      @Valid @RequestBody Reverse request) {
    requireKey(idempotencyKey);
    return mapper.toView(service.reverse(id, request.reason(), access.current()));
  }

  @PostMapping(value = "/callbacks/{provider}", consumes = "application/json")
  @SecurityRequirements
  @Operation(
      operationId = "receivePaymentCallback",
      summary = "支付渠道回调 (provider callback)",
      description =
          "无需令牌，以签名认证：X-Sandbox-Signature 为 HMAC-SHA256(\"时间戳\\n随机串\\n正文\\n\")，"
              + "X-Sandbox-Timestamp 为发送时间（Unix 秒，须在±5分钟内），X-Sandbox-Nonce 为只能使用一次的随机串"
              + "（16–64位字母数字）。签名错误、过期、重放、订单不存在、金额不符均拒绝并记录，不入账。 No JWT: the"
              + " signature over timestamp, nonce and body authenticates; stale or replayed callbacks and"
              + " every other rejection are logged and change nothing.")
  PaymentCallbacks.Result callback(
      @PathVariable String provider,
      @RequestHeader(value = SandboxPaymentProvider.SIGNATURE_HEADER, required = false)
          String signature,
      @RequestHeader(value = SandboxPaymentProvider.TIMESTAMP_HEADER, required = false)
          String timestamp,
      @RequestHeader(value = SandboxPaymentProvider.NONCE_HEADER, required = false) String nonce,
      @RequestBody String body) {
    return callbacks.handle(
        provider, new PaymentProvider.SignedCallback(body, signature, timestamp, nonce));
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw ProblemException.badRequest("payment.idempotency-key-required");
    }
  }
}
