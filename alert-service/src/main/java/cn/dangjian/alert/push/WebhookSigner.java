package cn.dangjian.alert.push;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures by the Standard Webhooks specification (standardwebhooks.com), so receivers can use
 * its verifier libraries: {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">}, keyed with the bytes of the secret {@code
 * whsec_<base64>}. The timestamp (unix seconds) in the signed text lets receivers refuse replays.
 */
public final class WebhookSigner {

  public static final String PREFIX = "whsec_";

  /** What a subscription's secret must look like: whsec_ and the Base64 of 24–64 bytes. */
  public static final String SECRET_PATTERN = "whsec_[A-Za-z0-9+/]{32,88}={0,2}";

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigner() {}

  /** A new secret: 32 random bytes. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The key of a secret: the decoded bytes after {@code whsec_}. A secret stored before the
   * standard (any text) keys with its UTF-8 bytes: its receivers' {@code whsec_} form is {@code
   * whsec_} + Base64 of those bytes ({@link #standardForm}).
   */
  static byte[] key(String secret) {
    if (secret.startsWith(PREFIX)) {
      try {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
      } catch (IllegalArgumentException e) {
        // not Base64 after all: an old free-text secret that happens to start with whsec_
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code whsec_} form of any stored secret, as a receiver's library takes it. */
  public static String standardForm(String secret) {
    return secret.startsWith(PREFIX) && isBase64(secret.substring(PREFIX.length()))
        ? secret
        : PREFIX + Base64.getEncoder().encodeToString(key(secret));
  }

  public static String sign(String secret, String messageId, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private static boolean isBase64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
