package cn.dangjian.dues.provider;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.provider.PaymentProvider.Payer;
import cn.dangjian.dues.provider.PaymentProvider.SignedCallback;
import cn.dangjian.dues.provider.SandboxPaymentProvider.SandboxOrder;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox provider's "pay page", only where {@code dangjian.dues.sandbox.enabled=true} (off by
 * default): completing an order makes the sandbox deliver its signed callback to the same
 * verification the HTTP callback endpoint uses. Only the payer sees or pays an order; for anyone
 * else it does not exist.
 */
@RestController
@RequestMapping("/api/dues/sandbox/orders")
@Tag(name = "沙箱支付 Sandbox provider", description = "本地开发用的模拟支付渠道 (local only)")
@ConditionalOnProperty(prefix = "dangjian.dues.sandbox", name = "enabled", havingValue = "true")
@Validated
class SandboxController {

  private final SandboxPaymentProvider sandbox;
  private final CallbackHandler callbacks;
  private final DuesAccess access;
  private final TransactionTemplate tx;

  SandboxController(
      SandboxPaymentProvider sandbox,
      CallbackHandler callbacks,
      DuesAccess access,
      PlatformTransactionManager transactions) {
    this.sandbox = sandbox;
    this.callbacks = callbacks;
    this.access = access;
    this.tx = new TransactionTemplate(transactions);
  }

  @GetMapping("/{orderId}")
  @Operation(summary = "沙箱订单 (a sandbox order, its payer only)")
  SandboxOrder order(@PathVariable String orderId) {
    return sandbox
        .find(orderId, payer())
        .orElseThrow(() -> ProblemException.notFound("sandbox.order-not-found", orderId));
  }

  @Schema(description = "模拟支付结果：渠道回调及服务的处理结果 (what the callback delivered)")
  record Completion(
      String orderId,
      String callbackBody,
      String signature,
      @Schema(description = "回调时间戳（Unix 秒），签名覆盖") String timestamp,
      @Schema(description = "回调随机串，只能使用一次，签名覆盖") String nonce,
      @Schema(
              description = "APPLIED 已入账 / DUPLICATE 重复通知",
              allowableValues = {"APPLIED", "DUPLICATE"})
          String outcome) {}

  @PostMapping("/{orderId}/complete")
  @Operation(
      operationId = "completeSandboxOrder",
      summary = "模拟完成支付 (pay a sandbox order, its payer only)",
      description =
          "沙箱生成并投递签名回调；可用 amountFen 模拟渠道报告了错误金额。回调被拒绝时订单与账单均不变。 Delivers the"
              + " signed callback; amountFen simulates a provider reporting another amount. A"
              + " rejected callback changes nothing.")
  Completion complete(
      @PathVariable String orderId, @RequestParam(required = false) @Min(0) Long amountFen) {
    Payer payer = payer();
    // one transaction: a rejected callback rolls the sandbox order back to unpaid as well
    return tx.execute(
        status -> {
          SignedCallback callback = sandbox.complete(orderId, amountFen, payer);
          String outcome = callbacks.deliver(SandboxPaymentProvider.NAME, callback);
          return new Completion(
              orderId,
              callback.body(),
              callback.signature(),
              callback.timestamp(),
              callback.nonce(),
              outcome);
        });
  }

  private Payer payer() {
    Caller caller = access.current().caller();
    return new Payer(caller.memberId().orElse(null), caller.subject());
  }
}
