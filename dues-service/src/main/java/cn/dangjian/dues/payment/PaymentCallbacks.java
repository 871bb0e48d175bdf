package cn.dangjian.dues.payment;

import cn.dangjian.dues.provider.CallbackRejected;
import cn.dangjian.dues.provider.CallbackRejected.Outcome;
import cn.dangjian.dues.provider.PaymentProvider;
import cn.dangjian.dues.provider.PaymentProvider.CallbackNotice;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a provider's callback only when its signature verifies, the order is ours and pending,
 * and the amount is exactly the payment's. Anything else is rejected, logged and never applied; a
 * repeated callback for a paid order is acknowledged without effect.
 */
@Service
public class PaymentCallbacks {

  private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

  /** What happened to a callback. */
  public record Result(String outcome, String orderId) {}

  private final PaymentProvider provider;
  private final PaymentRepository payments;
  private final PaymentService service;
  private final CallbackLog callbackLog;

  public PaymentCallbacks(
      PaymentProvider provider,
      PaymentRepository payments,
      PaymentService service,
      CallbackLog callbackLog) {
    this.provider = provider;
    this.payments = payments;
    this.service = service;
    this.callbackLog = callbackLog;
  }

  public Result handle(String providerName, String body, String signature) {
    if (!provider.name().equals(providerName)) {
      callbackLog.record(providerName, null, "UNKNOWN_PROVIDER", null, body);
      throw ProblemException.notFound("payment.callback.unknown-provider", providerName);
    }
    CallbackNotice notice;
    try {
      notice = provider.verify(body, signature);
    } catch (CallbackRejected e) {
      return reject(null, e, body);
    }
    try {
      Payment payment =
          payments
              .findByProviderAndProviderOrderId(providerName, notice.orderId())
              .orElseThrow(
                  () -> new CallbackRejected(Outcome.UNKNOWN_ORDER, "no payment for the order"));
      if (payment.getStatus() == PaymentStatus.PAID) {
        callbackLog.record(providerName, notice.orderId(), "DUPLICATE", null, body);
        return new Result("DUPLICATE", notice.orderId());
      }
      if (payment.getStatus() != PaymentStatus.PENDING) {
        throw new CallbackRejected(Outcome.NOT_PENDING, "payment is " + payment.getStatus());
      }
      if (notice.amountFen() != payment.getTotalFen()) {
        throw new CallbackRejected(
            Outcome.AMOUNT_MISMATCH,
            "amount " + notice.amountFen() + " != " + payment.getTotalFen());
      }
      service.confirm(payment, notice.paidAt());
      callbackLog.record(providerName, notice.orderId(), "APPLIED", notice.tradeNo(), body);
      return new Result("APPLIED", notice.orderId());
    } catch (CallbackRejected e) {
      return reject(notice.orderId(), e, body);
    } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
      // a concurrent delivery of the same callback confirmed it first
      callbackLog.record(providerName, notice.orderId(), "DUPLICATE", "concurrent", body);
      return new Result("DUPLICATE", notice.orderId());
    }
  }

  private Result reject(String orderId, CallbackRejected e, String body) {
    callbackLog.record(provider.name(), orderId, e.outcome().name(), e.getMessage(), body);
    log.warn(
        "payment callback rejected: {} (order {})",
        e.outcome(),
        Optional.ofNullable(orderId).orElse("-"));
    ProblemType type =
        switch (e.outcome()) {
          case BAD_SIGNATURE -> ProblemType.FORBIDDEN;
          case MALFORMED -> ProblemType.BAD_REQUEST;
          case UNKNOWN_ORDER -> ProblemType.NOT_FOUND;
          case NOT_PENDING -> ProblemType.CONFLICT;
          case AMOUNT_MISMATCH -> ProblemType.BUSINESS_RULE;
        };
    throw new ProblemException(
        type,
        "payment.callback." + e.outcome().name().toLowerCase().replace('_', '-'),
        null,
        Map.of("outcome", e.outcome().name()));
  }
}
