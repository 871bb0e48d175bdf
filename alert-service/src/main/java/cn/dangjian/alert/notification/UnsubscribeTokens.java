package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click unsubscribe tokens: {@code base64url(memberId|kind|channel).base64url(HMAC-SHA256)}
 * under a configured secret. A token says nothing secret (ids and codes only) and cannot be forged
 * or altered without the key; it does not expire (an old message's link must still work).
 */
final class UnsubscribeTokens {

  record Subscription(UUID memberId, NotificationKind kind, ExternalChannel channel) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;

  UnsubscribeTokens(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException(
          "dangjian.notifications.unsubscribe.secret must be at least 16 characters");
    }
    this.key = secret.getBytes(StandardCharsets.UTF_8);
  }

  String token(UUID memberId, NotificationKind kind, ExternalChannel channel) {
    byte[] payload =
        (memberId + "|" + kind.name() + "|" + channel.name()).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  Optional<Subscription> verify(String token) {
    if (token == null || token.length() > 300) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(mac(payload), signature)) {
        return Optional.empty();
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 3) {
        return Optional.empty();
      }
      return Optional.of(
          new Subscription(
              UUID.fromString(parts[0]),
              NotificationKind.valueOf(parts[1]),
              ExternalChannel.valueOf(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
