package cn.dangjian.dues.provider;

import cn.dangjian.dues.provider.PaymentProvider.SignedCallback;

/**
 * Where a provider's signed callback is checked and applied: the payment feature implements it. The
 * sandbox's pay page delivers through it, so providers do not depend on payments.
 */
public interface CallbackHandler {

  /** Handles the callback as if it had arrived over HTTP; returns the logged outcome. */
  String deliver(String provider, SignedCallback callback);
}
