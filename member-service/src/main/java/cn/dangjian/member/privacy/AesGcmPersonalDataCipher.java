package cn.dangjian.member.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value; HMAC-SHA256 for lookup hashes.
 *
 * <p>Format {@code v2:<kid>:<base64(nonce | ciphertext | tag)>}, with {@code v2:<kid>:<context>} as
 * additional authenticated data: the key id says which key of the ring opens it (keys can be
 * rotated), the context ties it to its row and column. The old format {@code v1:<base64>} (no key
 * id, no AAD) is still read, with whichever configured key authenticates it, until re-encrypted.
 */
public class AesGcmPersonalDataCipher implements PersonalDataCipher {

  /** Key ids: no LIKE wildcards or separators, so a prefix query can find stale rows. */
  public static final String KEY_ID_PATTERN = "[a-z0-9-]{1,32}";

  private static final String V1 = "v1:";
  private static final String V2 = "v2:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final String currentKeyId;
  private final SecretKeySpec hashKey;
  private final SecureRandom random = new SecureRandom();

  /** One key, under key id {@code default} (the single-key configuration). */
  public AesGcmPersonalDataCipher(byte[] encryptionKey, byte[] hashKey) {
    this(Map.of("default", encryptionKey), "default", hashKey);
  }

  public AesGcmPersonalDataCipher(
      Map<String, byte[]> encryptionKeys, String currentKeyId, byte[] hashKey) {
    encryptionKeys.forEach(
        (kid, key) -> {
          if (!kid.matches(KEY_ID_PATTERN)) {
            throw new IllegalArgumentException("key id must match " + KEY_ID_PATTERN + ": " + kid);
          }
          if (key.length != 32) {
            throw new IllegalArgumentException(
                "the AES key " + kid + " must be 32 bytes, got " + key.length);
          }
          keys.put(kid, new SecretKeySpec(key, "AES"));
        });
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("the current key id " + currentKeyId + " has no key");
    }
    if (hashKey.length < 32) {
      throw new IllegalArgumentException("the HMAC key must be at least 32 bytes");
    }
    this.currentKeyId = currentKeyId;
    this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
  }

  @Override
  public String encrypt(String plaintext, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(currentKeyId, context));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
      return V2 + currentKeyId + ":" + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public String decrypt(String ciphertext, String context) {
    if (ciphertext.startsWith(V2)) {
      int colon = ciphertext.indexOf(':', V2.length());
      if (colon < 0) {
        throw new IllegalArgumentException("unknown ciphertext format");
      }
      String kid = ciphertext.substring(V2.length(), colon);
      SecretKeySpec key = keys.get(kid);
      if (key == null) {
        throw new IllegalStateException("no key configured for key id " + kid);
      }
      return open(key, ciphertext.substring(colon + 1), aad(kid, context));
    }
    if (ciphertext.startsWith(V1)) {
      // Old values name no key: the GCM tag tells which configured key sealed them.
      GeneralSecurityException last = null;
      for (SecretKeySpec key : keys.values()) {
        try {
          return openOrThrow(key, ciphertext.substring(V1.length()), null);
        } catch (GeneralSecurityException e) {
          last = e;
        }
      }
      throw new IllegalStateException("decryption failed (no configured key opens it)", last);
    }
    throw new IllegalArgumentException("unknown ciphertext format");
  }

  @Override
  public boolean isCurrent(String ciphertext) {
    return ciphertext.startsWith(V2 + currentKeyId + ":");
  }

  @Override
  public String currentKeyId() {
    return currentKeyId;
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

  private static byte[] aad(String kid, String context) {
    return (V2 + kid + ":" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static String open(SecretKeySpec key, String base64, byte[] aad) {
    try {
      return openOrThrow(key, base64, aad);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed (wrong key, row or tampered data)", e);
    }
  }

  private static String openOrThrow(SecretKeySpec key, String base64, byte[] aad)
      throws GeneralSecurityException {
    byte[] all;
    try {
      all = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("ciphertext is not Base64", e);
    }
    if (all.length <= NONCE_BYTES) {
      throw new IllegalStateException("ciphertext too short");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
    if (aad != null) {
      cipher.updateAAD(aad);
    }
    byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }
}
