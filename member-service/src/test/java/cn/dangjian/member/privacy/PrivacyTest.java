package cn.dangjian.member.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
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

  @Test
  void ciphertextRoundTripsAndDiffersEachTime() {
    AesGcmPersonalDataCipher cipher = new AesGcmPersonalDataCipher(key(), key());
    String a = cipher.encrypt("110105199003071234");
    String b = cipher.encrypt("110105199003071234");
    assertThat(a).isNotEqualTo(b).doesNotContain("110105199003071234");
    assertThat(cipher.decrypt(a)).isEqualTo("110105199003071234");
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
    String sealed = new AesGcmPersonalDataCipher(key(), key()).encrypt("13812345678");
    assertThatThrownBy(() -> new AesGcmPersonalDataCipher(key(), key()).decrypt(sealed))
        .isInstanceOf(IllegalStateException.class);
  }
}
