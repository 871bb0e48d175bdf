package cn.dangjian.member.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a random 96-bit nonce per value; HMAC-SHA256 for lookup hashes. */
public class AesGcmPersonalDataCipher implements PersonalDataCipher {

  private static final String TAG = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec hashKey;
  private final SecureRandom random = new SecureRandom();

  public AesGcmPersonalDataCipher(byte[] encryptionKey, byte[] hashKey) {
    if (encryptionKey.length != 32) {
      throw new IllegalArgumentException(
          "the AES key must be 32 bytes, got " + encryptionKey.length);
    }
    if (hashKey.length < 32) {
      throw new IllegalArgumentException("the HMAC key must be at least 32 bytes");
    }
    this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
    this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
  }

  @Override
  public String encrypt(String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
      return TAG + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public String decrypt(String ciphertext) {
    if (!ciphertext.startsWith(TAG)) {
      throw new IllegalArgumentException("unknown ciphertext format");
    }
    try {
      byte[] all = Base64.getDecoder().decode(ciphertext.substring(TAG.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("decryption failed (wrong key or tampered data)", e);
    }
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
