package cn.dangjian.dues.provider;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over the exact callback body, hex encoded; compared in constant time. */
public final class HmacSigner {

  private final SecretKeySpec key;

  public HmacSigner(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException(
          "dangjian.dues.sandbox.signing-key must be set (at least 16 characters)");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean matches(String body, String signature) {
    if (signature == null || body == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(body).getBytes(StandardCharsets.US_ASCII),
        signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
