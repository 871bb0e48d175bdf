package cn.dangjian.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for values stored at rest (ID numbers, phones, webhook secrets), with a ring of keys so
 * keys can rotate.
 *
 * <p>Format {@code v2:<kid>:<base64(nonce | ciphertext | tag)>}; the additional authenticated data
 * is {@code v2:<kid>:<context>}, where the caller's context names the row and column (e.g. {@code
 * member/<id>/id_number}): a value copied into another row does not decrypt, and the key id says
 * which key opens it. Values written before key ids existed ({@code v1:<base64>}) are still read,
 * with whichever key of the ring authenticates them, until they are re-encrypted.
 */
public final class KeyRingCipher {

  /** Key ids: no LIKE wildcards or separators, so a prefix query can find stale rows. */
  public static final String KEY_ID_PATTERN = "[a-z0-9-]{1,32}";

  /** The key id a single configured key is known by. */
  public static final String DEFAULT_KEY_ID = "default";

  private static final String V1 = "v1:";
  private static final String V2 = "v2:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final String currentKeyId;
  private final SecureRandom random = new SecureRandom();

  public KeyRingCipher(Map<String, byte[]> keyRing, String currentKeyId) {
    keyRing.forEach(
        (kid, key) -> {
          if (!kid.matches(KEY_ID_PATTERN)) {
            throw new IllegalArgumentException("key id must match " + KEY_ID_PATTERN + ": " + kid);
          }
          if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException(
                "the AES key " + kid + " must be 16, 24 or 32 bytes, got " + key.length);
          }
          keys.put(kid, new SecretKeySpec(key, "AES"));
        });
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("the current key id " + currentKeyId + " has no key");
    }
    this.currentKeyId = currentKeyId;
  }

  /**
   * The ring from configuration: {@code <prefix>.<keysName>.<kid>} keys plus an older single key
   * (known as {@value #DEFAULT_KEY_ID}), Base64. The current key id may be omitted when there is
   * one key. Fails with a message naming the properties, so a service without keys does not start.
   */
  public static KeyRingCipher fromBase64(
      Map<String, String> keyRing, String singleKey, String currentKeyId, String properties) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    keyRing.forEach((kid, key) -> keys.put(kid, decode(key, properties)));
    if (!isBlank(singleKey)) {
      keys.putIfAbsent(DEFAULT_KEY_ID, decode(singleKey, properties));
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          "no encryption key: set " + properties + " (Base64, e.g. $(openssl rand -base64 32))");
    }
    String current = currentKeyId;
    if (isBlank(current)) {
      if (keys.size() == 1) {
        current = keys.keySet().iterator().next();
      } else {
        throw new IllegalStateException(
            "several encryption keys are configured for "
                + properties
                + ": set the current key id");
      }
    }
    return new KeyRingCipher(keys, current);
  }

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

  /** Decrypts a value of this ring; {@code v1} values are read without associated data. */
  public String decrypt(String ciphertext, String context) {
    return decrypt(ciphertext, context, null);
  }

  /**
   * @param legacyAad the associated data a {@code v1} value was sealed with, or null for none
   */
  public String decrypt(String ciphertext, String context, byte[] legacyAad) {
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
      try {
        return open(key, ciphertext.substring(colon + 1), aad(kid, context));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("decryption failed (wrong key, row or tampered data)", e);
      }
    }
    if (ciphertext.startsWith(V1)) {
      // Old values name no key: the GCM tag tells which configured key sealed them.
      GeneralSecurityException last = null;
      for (SecretKeySpec key : keys.values()) {
        try {
          return open(key, ciphertext.substring(V1.length()), legacyAad);
        } catch (GeneralSecurityException e) {
          last = e;
        }
      }
      throw new IllegalStateException("decryption failed (no configured key opens it)", last);
    }
    throw new IllegalArgumentException("unknown ciphertext format");
  }

  /** Whether a stored value is a ciphertext of this scheme at all (old or new). */
  public static boolean isSealed(String stored) {
    return stored != null && (stored.startsWith(V1) || stored.startsWith(V2));
  }

  /** Whether a value is sealed under the current key (re-encryption skips it). */
  public boolean isCurrent(String ciphertext) {
    return ciphertext.startsWith(V2 + currentKeyId + ":");
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  private static byte[] aad(String kid, String context) {
    return (V2 + kid + ":" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static String open(SecretKeySpec key, String base64, byte[] aad)
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

  private static byte[] decode(String base64, String properties) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(properties + ": a key is not Base64");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
