package cn.dangjian.member.privacy;

/**
 * Encrypts personal data (ID card number, phone) at rest. One interface so that AES-GCM can be
 * swapped for SM4-GCM (国密) where a deployment requires it.
 *
 * <p>Every ciphertext is bound to where it is stored ({@code context}, e.g. {@link
 * #context(java.util.UUID, String) member id + column}): copied into another row or column it no
 * longer decrypts.
 */
public interface PersonalDataCipher {

  /** The context a member's column is sealed under. */
  static String context(java.util.UUID memberId, String column) {
    return "member/" + memberId + "/" + column;
  }

  /** Ciphertext as text, self-describing (format, key id, nonce, data). */
  String encrypt(String plaintext, String context);

  /** Plaintext, or IllegalStateException if the key is unknown or the data or context differ. */
  String decrypt(String ciphertext, String context);

  /** Whether the value is in the current format under the current key (no re-encryption due). */
  boolean isCurrent(String ciphertext);

  /** The key new values are sealed with. */
  String currentKeyId();

  /** Deterministic keyed hash for exact-match lookup without decrypting every row. */
  String lookupHash(String normalizedPlaintext);
}
