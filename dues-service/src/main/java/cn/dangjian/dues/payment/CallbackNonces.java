package cn.dangjian.dues.payment;

import cn.dangjian.dues.config.DuesProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replay protection of provider callbacks: a callback is only fresh within {@code
 * dangjian.dues.callbacks.max-skew} of its signed timestamp, and its signed nonce is used once.
 * Nonces are kept until their callback could no longer be fresh, then purged.
 */
@Component
public class CallbackNonces {

  private final CallbackNonceStore store;
  private final Clock clock;
  private final Duration maxSkew;

  public CallbackNonces(CallbackNonceStore store, Clock clock, DuesProperties properties) {
    this.store = store;
    this.clock = clock;
    this.maxSkew = properties.callbacks().maxSkew();
  }

  /** Whether a callback sent at {@code sentAt} is within the window around now. */
  public boolean fresh(Instant sentAt) {
    return isFresh(sentAt, clock.instant(), maxSkew);
  }

  static boolean isFresh(Instant sentAt, Instant now, Duration maxSkew) {
    return !sentAt.isBefore(now.minus(maxSkew)) && !sentAt.isAfter(now.plus(maxSkew));
  }

  /**
   * Takes the nonce inside the caller's transaction (so a rejected callback does not use it up);
   * false if it was used before. A concurrent delivery of the same callback waits on the key and
   * then finds it taken.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean use(String provider, String nonce, Instant sentAt) {
    return store.insert(provider, nonce, sentAt.plus(maxSkew));
  }

  /** Run by {@link PaymentSchedules} on one replica per round. */
  public int purge() {
    return store.deleteExpired(clock.instant());
  }
}
