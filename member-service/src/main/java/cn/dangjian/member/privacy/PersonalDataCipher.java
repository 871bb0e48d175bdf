package cn.dangjian.member.privacy;

/**
 * Encrypts personal data (ID card number, phone) at rest. One interface so that AES-GCM can be
 * swapped for SM4-GCM (国密) where a deployment requires it.
 */
public interface PersonalDataCipher {

  /** Ciphertext as text, self-describing (algorithm tag, nonce, data). */
  String encrypt(String plaintext);

  String decrypt(String ciphertext);

  /** Deterministic keyed hash for exact-match lookup without decrypting every row. */
  String lookupHash(String normalizedPlaintext);
}
