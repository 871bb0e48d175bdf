package cn.dangjian.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The at-rest format of member-service's {@code AesGcmPersonalDataCipher}: {@code "v1:" +
 * Base64(nonce(12) ‖ AES-256-GCM ciphertext ‖ tag(16))} and a hex HMAC-SHA256 lookup hash. The
 * service decrypts every ID number and phone it renders (for masking), so the loaded rows must be
 * real ciphertext under the keys the service is started with. Not thread-safe: one per thread.
 */
final class BenchCipher {

  private final SecretKeySpec encryptionKey;
  private final Mac mac;
  private final Cipher cipher;
  private final SplittableRandom random;
  private final Base64.Encoder base64 = Base64.getEncoder();

  BenchCipher(BenchKeys keys, SplittableRandom random) {
    try {
      this.encryptionKey = new SecretKeySpec(keys.encryptionKey(), "AES");
      this.mac = Mac.getInstance("HmacSHA256");
      this.mac.init(new SecretKeySpec(keys.hashKey(), "HmacSHA256"));
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
      this.random = random;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A fresh random 96-bit nonce per value as in the service. (The nonce comes from the loader's
   * seeded generator instead of SecureRandom: synthetic data, and never the same nonce twice in
   * practice at 2 million values out of 2^96.)
   */
  String encrypt(String plaintext) {
    try {
      byte[] nonce = new byte[12];
      long a = random.nextLong();
      long b = random.nextLong();
      for (int i = 0; i < 8; i++) {
        nonce[i] = (byte) (a >>> (8 * i));
      }
      for (int i = 0; i < 4; i++) {
        nonce[8 + i] = (byte) (b >>> (8 * i));
      }
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return "v1:" + base64.encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  String decrypt(String value) {
    try {
      byte[] all = Base64.getDecoder().decode(value.substring(3));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed", e);
    }
  }

  String lookupHash(String normalized) {
    return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
  }
}
