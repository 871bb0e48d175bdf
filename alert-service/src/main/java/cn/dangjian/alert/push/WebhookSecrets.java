package cn.dangjian.alert.push;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.platform.crypto.KeyRingCipher;
import java.util.UUID;

/**
 * Webhook signing secrets at rest, sealed with the platform's {@link KeyRingCipher}: bound to their
 * subscription (a stored secret moved to another subscription does not decrypt) and tagged with a
 * key id (the key can rotate: {@link WebhookDispatcher} re-seals older values at start-up).
 */
public final class WebhookSecrets {

  private final KeyRingCipher keys;

  public WebhookSecrets(KeyRingCipher keys) {
    this.keys = keys;
  }

  public String seal(String secret, UUID subscriptionId) {
    return keys.encrypt(secret, context(subscriptionId));
  }

  public String open(String stored, UUID subscriptionId) {
    if (!KeyRingCipher.isSealed(stored)) {
      throw new IllegalStateException("webhook secret is not encrypted");
    }
    // v1 values of the first version were sealed with the raw subscription id as associated data
    return keys.decrypt(stored, context(subscriptionId), bytes(subscriptionId));
  }

  /** Whether a stored value must be (re-)sealed: plain text, or under an older key. */
  public boolean isStale(String stored) {
    return !KeyRingCipher.isSealed(stored) || !keys.isCurrent(stored);
  }

  private static String context(UUID subscriptionId) {
    return "webhook/" + subscriptionId + "/secret";
  }
}
