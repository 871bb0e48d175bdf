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
  ProviderOrder createOrder(
      UUID paymentId, long amountFen, String subject, Instant expiresAt, Payer payer);

  /**
   * Verifies and reads a callback: the signature must cover body, timestamp and nonce. Throws
   * {@link CallbackRejected} for a bad signature or a body that is not a notice; freshness, nonce
   * reuse, order and amount are checked by the caller against its own records.
   */
  CallbackNotice verify(SignedCallback callback);

  record ProviderOrder(String orderId, String payUrl) {}

  /** Who started the order: only they may act on it at the provider (sandbox pay page). */
  record Payer(UUID memberId, String subject) {}

  /** A callback as delivered: body plus the signed timestamp (epoch seconds) and nonce. */
  record SignedCallback(String body, String signature, String timestamp, String nonce) {}

  /** What a verified callback says: this order was paid with this amount. */
  record CallbackNotice(
      String orderId,
      long amountFen,
      String tradeNo,
      Instant paidAt,
      Instant sentAt,
      String nonce) {}
}
