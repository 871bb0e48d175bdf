package cn.dangjian.alert.channels.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud API 3.0's request signature, TC3-HMAC-SHA256, for a JSON POST to {@code /}: the
 * canonical request (method, path, empty query, the signed headers content-type and host, the
 * payload's SHA-256; header values lower-cased, as the API compares them: a client library may send
 * {@code charset=UTF-8} for {@code charset=utf-8}) is hashed into the string to sign, which is
 * signed with a key derived from the secret key, the UTC date and the service.
 */
final class Tc3Signature {

  private Tc3Signature() {}

  /** The {@code Authorization} header value. */
  static String authorization(
      String secretId,
      String secretKey,
      String service,
      String host,
      String contentType,
      byte[] payload,
      long timestamp) {
    String date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
    String canonical =
        "POST\n/\n\ncontent-type:"
            + contentType.trim().toLowerCase(Locale.ROOT)
            + "\nhost:"
            + host.trim().toLowerCase(Locale.ROOT)
            + "\n\ncontent-type;host\n"
            + sha256(payload);
    String scope = date + "/" + service + "/tc3_request";
    String toSign =
        "TC3-HMAC-SHA256\n"
            + timestamp
            + "\n"
            + scope
            + "\n"
            + sha256(canonical.getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, service);
    key = hmac(key, "tc3_request");
    return "TC3-HMAC-SHA256 Credential="
        + secretId
        + "/"
        + scope
        + ", SignedHeaders=content-type;host, Signature="
        + HexFormat.of().formatHex(hmac(key, toSign));
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
    }
  }
}
