package cn.dangjian.member.privacy;

import cn.dangjian.platform.crypto.KeyRingCipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data sealed with the platform's {@link KeyRingCipher} (AES-GCM, key id, the member's row
 * and column as associated data; old {@code v1} values still read), and HMAC-SHA256 for lookup
 * hashes.
 */
public class AesGcmPersonalDataCipher implements PersonalDataCipher {

  /** Key ids: no LIKE wildcards or separators, so a prefix query can find stale rows. */
  public static final String KEY_ID_PATTERN = KeyRingCipher.KEY_ID_PATTERN;

  private final KeyRingCipher keys;
  private final SecretKeySpec hashKey;

  /** One key, under key id {@code default} (the single-key configuration). */
  public AesGcmPersonalDataCipher(byte[] encryptionKey, byte[] hashKey) {
    this(
        Map.of(KeyRingCipher.DEFAULT_KEY_ID, encryptionKey), KeyRingCipher.DEFAULT_KEY_ID, hashKey);
  }

  public AesGcmPersonalDataCipher(
      Map<String, byte[]> encryptionKeys, String currentKeyId, byte[] hashKey) {
    this(new KeyRingCipher(encryptionKeys, currentKeyId), hashKey);
  }

  public AesGcmPersonalDataCipher(KeyRingCipher keys, byte[] hashKey) {
    if (hashKey.length < 32) {
      throw new IllegalArgumentException("the HMAC key must be at least 32 bytes");
    }
    this.keys = keys;
    this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
  }

  @Override
  public String encrypt(String plaintext, String context) {
    return keys.encrypt(plaintext, context);
  }

  @Override
  public String decrypt(String ciphertext, String context) {
    return keys.decrypt(ciphertext, context);
  }

  @Override
  public boolean isCurrent(String ciphertext) {
    return keys.isCurrent(ciphertext);
  }

  @Override
  public String currentKeyId() {
    return keys.currentKeyId();
  }

  @Override
  public String lookupHash(String normalizedPlaintext) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of()
          .formatHex(mac.doFinal(normalizedPlaintext.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("hashing failed", e);
    }
  }
}
