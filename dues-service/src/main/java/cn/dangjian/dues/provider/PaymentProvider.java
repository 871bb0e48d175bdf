package cn.dangjian.dues.provider;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment provider (WeChat Pay, Alipay, a bank's aggregator…): creates an order the payer
 * completes on the provider's side, and later notifies the service with a signed callback.
 */
public interface PaymentProvider {

  /** Short name used in URLs and stored with the payment, e.g. {@code sandbox}. */
  String name();

  /** Creates an order for the amount; the payer pays it at {@code payUrl}. */
  ProviderOrder createOrder(UUID paymentId, long amountFen, String subject, Instant expiresAt);

  /**
   * Verifies and reads a callback. Throws {@link CallbackRejected} for a bad signature or a body
   * that is not a notice; order and amount are checked by the caller against its own records.
   */
  CallbackNotice verify(String body, String signature);

  record ProviderOrder(String orderId, String payUrl) {}

  /** What a verified callback says: this order was paid with this amount. */
  record CallbackNotice(String orderId, long amountFen, String tradeNo, Instant paidAt) {}
}
