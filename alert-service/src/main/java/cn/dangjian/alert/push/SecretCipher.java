package cn.dangjian.alert.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for webhook secrets at rest: {@code v1:<base64(iv ‖ ciphertext ‖ tag)>}, the subscription
 * id as associated data so a stored secret cannot be moved to another subscription. The key (16, 24
 * or 32 bytes, base64) comes from {@code dangjian.alerts.webhooks.secret-key}.
 */
public final class SecretCipher {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("dangjian.alerts.webhooks.secret-key is not base64");
    }
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new IllegalStateException(
          "dangjian.alerts.webhooks.secret-key must be a base64 AES key of 16, 24 or 32 bytes");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  public String encrypt(String plain, byte[] associated) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associated);
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  public String decrypt(String stored, byte[] associated) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("webhook secret is not encrypted");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(associated);
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("webhook secret cannot be decrypted (wrong key?)");
    }
  }

  public static boolean isEncrypted(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }
}
