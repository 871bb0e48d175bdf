package cn.dangjian.dues.provider;

import cn.dangjian.dues.payment.PaymentCallbacks;
import cn.dangjian.dues.provider.SandboxPaymentProvider.SandboxOrder;
import cn.dangjian.dues.provider.SandboxPaymentProvider.SignedCallback;
import cn.dangjian.platform.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox provider's "pay page", local only ({@code dangjian.dues.sandbox.enabled}, off in the
 * prod profile): completing an order makes the sandbox deliver its signed callback to the same
 * verification the HTTP callback endpoint uses.
 */
@RestController
@RequestMapping("/api/dues/sandbox/orders")
@Tag(name = "沙箱支付 Sandbox provider", description = "本地开发用的模拟支付渠道 (local only)")
@ConditionalOnProperty(prefix = "dangjian.dues.sandbox", name = "enabled", havingValue = "true")
@Validated
class SandboxController {

  private final SandboxPaymentProvider sandbox;
  private final PaymentCallbacks callbacks;

  SandboxController(SandboxPaymentProvider sandbox, PaymentCallbacks callbacks) {
    this.sandbox = sandbox;
    this.callbacks = callbacks;
  }

  @GetMapping("/{orderId}")
  @Operation(summary = "沙箱订单 (a sandbox order)")
  SandboxOrder order(@PathVariable String orderId) {
    return sandbox
        .find(orderId)
        .orElseThrow(() -> ProblemException.notFound("sandbox.order-not-found", orderId));
  }

  @Schema(description = "模拟支付结果：渠道回调及服务的处理结果 (what the callback delivered)")
  record Completion(String orderId, String callbackBody, String signature, String outcome) {}

  @PostMapping("/{orderId}/complete")
  @Operation(
      summary = "模拟完成支付 (pay a sandbox order)",
      description =
          "沙箱生成并投递签名回调；可用 amountFen 模拟渠道报告了错误金额。 Delivers the signed callback;"
              + " amountFen simulates a provider reporting another amount.")
  Completion complete(
      @PathVariable String orderId, @RequestParam(required = false) @Min(0) Long amountFen) {
    SignedCallback callback = sandbox.complete(orderId, amountFen);
    PaymentCallbacks.Result result =
        callbacks.handle(SandboxPaymentProvider.NAME, callback.body(), callback.signature());
    return new Completion(orderId, callback.body(), callback.signature(), result.outcome());
  }
}
