package cn.dangjian.dues.provider;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, hex encoded, compared in constant time. A callback is signed over {@code
 * "<timestamp>\n<nonce>\n<body>\n"} so that neither its freshness nor its nonce can be altered.
 */
public final class HmacSigner {

  private final SecretKeySpec key;

  public HmacSigner(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException(
          "dangjian.dues.sandbox.signing-key must be set (at least 16 characters)");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The exact text a callback's signature covers. */
  public static String message(String timestamp, String nonce, String body) {
    return timestamp + "\n" + nonce + "\n" + body + "\n";
  }

  public String sign(String timestamp, String nonce, String body) {
    return sign(message(timestamp, nonce, body));
  }

  public String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean matches(String timestamp, String nonce, String body, String signature) {
    if (signature == null || body == null || timestamp == null || nonce == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII),
        signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
