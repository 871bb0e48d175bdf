package cn.dangjian.member.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrivacyTest {

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Test
  void idNumberMaskKeepsOnlyTheFirstAndLastCharacterSoItCannotBeRebuilt() {
    assertThat(Masking.idNumber("11010519900307123X")).isEqualTo("1****************X");
    assertThat(Masking.idNumber("1234")).isEqualTo("****");
  }

  @Test
  void phoneMaskKeepsAtMostTheFirstThreeAndLastTwo() {
    assertThat(Masking.phone("13812345678")).isEqualTo("138******78");
    assertThat(Masking.phone("1234567")).isEqualTo("*******");
  }

  @Test
  void idNumberChecksItsCheckDigitAndBirthDate() {
    String valid = ChineseIdNumber.withCheckDigit("11010519900307123");
    assertThat(ChineseIdNumber.isValid(valid)).isTrue();
    char wrong = valid.charAt(17) == '1' ? '2' : '1';
    assertThat(ChineseIdNumber.isValid(valid.substring(0, 17) + wrong)).isFalse();
    assertThat(ChineseIdNumber.isValid(ChineseIdNumber.withCheckDigit("11010519901307123")))
        .as("month 13")
        .isFalse();
    assertThat(ChineseIdNumber.isValid("1101051990030712")).isFalse();
  }

  private static final String ROW_A = PersonalDataCipher.context(UUID.randomUUID(), "id_number");
  private static final String ROW_B = PersonalDataCipher.context(UUID.randomUUID(), "id_number");

  @Test
  void ciphertextRoundTripsAndDiffersEachTime() {
    AesGcmPersonalDataCipher cipher = new AesGcmPersonalDataCipher(key(), key());
    String a = cipher.encrypt("110105199003071234", ROW_A);
    String b = cipher.encrypt("110105199003071234", ROW_A);
    assertThat(a).isNotEqualTo(b).doesNotContain("110105199003071234").startsWith("v2:default:");
    assertThat(cipher.decrypt(a, ROW_A)).isEqualTo("110105199003071234");
  }

  @Test
  void ciphertextCopiedIntoAnotherRowOrColumnDoesNotDecrypt() {
    AesGcmPersonalDataCipher cipher = new AesGcmPersonalDataCipher(key(), key());
    String sealed = cipher.encrypt("110105199003071234", ROW_A);
    assertThatThrownBy(() -> cipher.decrypt(sealed, ROW_B))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, ROW_A.replace("id_number", "phone")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ciphertextNamesItsKeySoKeysCanRotate() {
    byte[] a = key();
    byte[] b = key();
    byte[] hash = key();
    AesGcmPersonalDataCipher underA = new AesGcmPersonalDataCipher(Map.of("ka", a), "ka", hash);
    String old = underA.encrypt("13812345678", ROW_A);
    assertThat(old).startsWith("v2:ka:");

    AesGcmPersonalDataCipher rotated =
        new AesGcmPersonalDataCipher(Map.of("ka", a, "kb", b), "kb", hash);
    assertThat(rotated.decrypt(old, ROW_A)).isEqualTo("13812345678");
    assertThat(rotated.isCurrent(old)).isFalse();
    String fresh = rotated.encrypt("13812345678", ROW_A);
    assertThat(fresh).startsWith("v2:kb:");
    assertThat(rotated.isCurrent(fresh)).isTrue();
    assertThatThrownBy(
            () -> new AesGcmPersonalDataCipher(Map.of("kb", b), "kb", hash).decrypt(old, ROW_A))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oldFormatWithoutKeyIdOrAadStillDecrypts() throws Exception {
    byte[] a = key();
    String v1 = legacyEncrypt(a, "11010519900307123X");
    AesGcmPersonalDataCipher ring =
        new AesGcmPersonalDataCipher(Map.of("new", key(), "old", a), "new", key());
    assertThat(ring.decrypt(v1, ROW_A)).isEqualTo("11010519900307123X");
    assertThat(ring.isCurrent(v1)).isFalse();
  }

  /** What the old cipher wrote: v1:base64(nonce | ciphertext | tag), no AAD. */
  static String legacyEncrypt(byte[] key, String plaintext) throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        javax.crypto.Cipher.ENCRYPT_MODE,
        new javax.crypto.spec.SecretKeySpec(key, "AES"),
        new javax.crypto.spec.GCMParameterSpec(128, nonce));
    byte[] sealed = cipher.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] all = new byte[nonce.length + sealed.length];
    System.arraycopy(nonce, 0, all, 0, nonce.length);
    System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
    return "v1:" + java.util.Base64.getEncoder().encodeToString(all);
  }

  @Test
  void lookupHashIsStableForTheSameKeyAndDiffersAcrossKeys() {
    byte[] hashKey = key();
    AesGcmPersonalDataCipher one = new AesGcmPersonalDataCipher(key(), hashKey);
    AesGcmPersonalDataCipher two = new AesGcmPersonalDataCipher(key(), hashKey);
    AesGcmPersonalDataCipher other = new AesGcmPersonalDataCipher(key(), key());
    assertThat(one.lookupHash("13812345678")).isEqualTo(two.lookupHash("13812345678"));
    assertThat(one.lookupHash("13812345678")).isNotEqualTo(other.lookupHash("13812345678"));
  }

  @Test
  void ciphertextFromAnotherKeyIsRefused() {
    String sealed = new AesGcmPersonalDataCipher(key(), key()).encrypt("13812345678", ROW_A);
    assertThatThrownBy(() -> new AesGcmPersonalDataCipher(key(), key()).decrypt(sealed, ROW_A))
        .isInstanceOf(IllegalStateException.class);
  }
}
