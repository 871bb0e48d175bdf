package cn.dangjian.dues.payment;

import cn.dangjian.dues.provider.CallbackHandler;
import cn.dangjian.dues.provider.CallbackRejected;
import cn.dangjian.dues.provider.CallbackRejected.Outcome;
import cn.dangjian.dues.provider.PaymentProvider;
import cn.dangjian.dues.provider.PaymentProvider.CallbackNotice;
import cn.dangjian.dues.provider.PaymentProvider.SignedCallback;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a provider's callback only when its signature (over body, timestamp and nonce) verifies,
 * it is fresh, its nonce is new, the order is ours, pending and not expired, and the amount is
 * exactly the payment's. Anything else is rejected and logged, and changes nothing: the checks and
 * the effect run in one transaction that a rejection rolls back. A fresh callback for an order
 * already paid is acknowledged without effect.
 */
@Service
public class PaymentCallbacks implements CallbackHandler {

  private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

  /** What happened to a callback. */
  /** What a callback did: credited the payment, or nothing because it was already applied. */
  public enum CallbackEffect {
    APPLIED,
    DUPLICATE
  }

  public record Result(CallbackEffect outcome, String orderId) {}

  private final List<PaymentProvider> providers;
  private final PaymentRepository payments;
  private final PaymentService service;
  private final CallbackLogStore callbackLog;
  private final CallbackNonces nonces;
  private final TransactionTemplate tx;
  private final Clock clock;

  public PaymentCallbacks(
      List<PaymentProvider> providers,
      PaymentRepository payments,
      PaymentService service,
      CallbackLogStore callbackLog,
      CallbackNonces nonces,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.providers = providers;
    this.payments = payments;
    this.service = service;
    this.callbackLog = callbackLog;
    this.nonces = nonces;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  public Result handle(String providerName, SignedCallback callback) {
    String body = callback.body();
    PaymentProvider provider =
        providers.stream()
            .filter(p -> p.name().equals(providerName))
            .findFirst()
            .orElseThrow(
                () -> {
                  callbackLog.record(
                      providerName.length() > 20 ? providerName.substring(0, 20) : providerName,
                      null,
                      "UNKNOWN_PROVIDER",
                      null,
                      body);
                  return ProblemException.notFound(
                      "payment.callback.unknown-provider", providerName);
                });
    CallbackNotice notice;
    try {
      notice = provider.verify(callback);
      if (!nonces.fresh(notice.sentAt())) {
        throw new CallbackRejected(Outcome.STALE, "timestamp outside the accepted window");
      }
    } catch (CallbackRejected e) {
      return reject(providerName, null, e, body);
    }
    try {
      Result result = tx.execute(status -> apply(providerName, notice));
      callbackLog.record(
          providerName,
          notice.orderId(),
          result.outcome().name(),
          result.outcome() == CallbackEffect.APPLIED ? notice.tradeNo() : null,
          body);
      return result;
    } catch (CallbackRejected e) {
      return reject(providerName, notice.orderId(), e, body);
    } catch (ObjectOptimisticLockingFailureException e) {
      // a concurrent callback (another nonce) confirmed it first; this one's effects rolled back
      callbackLog.record(providerName, notice.orderId(), "DUPLICATE", "concurrent", body);
      return new Result(CallbackEffect.DUPLICATE, notice.orderId());
    }
  }

  /** The sandbox's pay page delivers here. */
  @Override
  public String deliver(String providerName, SignedCallback callback) {
    return handle(providerName, callback).outcome().name();
  }

  private Result apply(String providerName, CallbackNotice notice) {
    if (!nonces.use(providerName, notice.nonce(), notice.sentAt())) {
      throw new CallbackRejected(Outcome.REPLAYED, "nonce used before");
    }
    Payment payment =
        payments
            .findByProviderAndProviderOrderId(providerName, notice.orderId())
            .orElseThrow(
                () -> new CallbackRejected(Outcome.UNKNOWN_ORDER, "no payment for the order"));
    if (payment.getStatus() == PaymentStatus.PAID) {
      return new Result(CallbackEffect.DUPLICATE, notice.orderId());
    }
    if (payment.getStatus() != PaymentStatus.PENDING) {
      throw new CallbackRejected(Outcome.NOT_PENDING, "payment is " + payment.getStatus());
    }
    if (payment.getExpiresAt() != null && clock.instant().isAfter(payment.getExpiresAt())) {
      throw new CallbackRejected(Outcome.EXPIRED, "order expired at " + payment.getExpiresAt());
    }
    if (notice.amountFen() != payment.getTotalFen()) {
      throw new CallbackRejected(
          Outcome.AMOUNT_MISMATCH, "amount " + notice.amountFen() + " != " + payment.getTotalFen());
    }
    service.confirm(payment, notice.paidAt());
    return new Result(CallbackEffect.APPLIED, notice.orderId());
  }

  private Result reject(String providerName, String orderId, CallbackRejected e, String body) {
    callbackLog.record(providerName, orderId, e.outcome().name(), e.getMessage(), body);
    log.warn(
        "payment callback rejected: {} (order {})",
        e.outcome(),
        Optional.ofNullable(orderId).orElse("-"));
    ProblemType type =
        switch (e.outcome()) {
          case BAD_SIGNATURE, STALE -> ProblemType.FORBIDDEN;
          case MALFORMED -> ProblemType.BAD_REQUEST;
          case UNKNOWN_ORDER -> ProblemType.NOT_FOUND;
          case NOT_PENDING, REPLAYED -> ProblemType.CONFLICT;
          case AMOUNT_MISMATCH, EXPIRED -> ProblemType.BUSINESS_RULE;
        };
    throw new ProblemException(
        type,
        "payment.callback." + e.outcome().name().toLowerCase().replace('_', '-'),
        null,
        Map.of("outcome", e.outcome().name()));
  }
}
