package cn.dangjian.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingCipherTest {

  private static final byte[] A = "0123456789abcdef0123456789abcdef".getBytes();
  private static final byte[] B = "fedcba9876543210fedcba9876543210".getBytes();

  @Test
  void aCiphertextCopiedIntoAnotherRowDoesNotDecrypt() {
    KeyRingCipher cipher = new KeyRingCipher(Map.of("a", A), "a");
    String sealed = cipher.encrypt("110101199003074578", "member/1/id_number");
    assertThat(cipher.decrypt(sealed, "member/1/id_number")).isEqualTo("110101199003074578");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "member/2/id_number"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, "member/1/phone"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void valuesNameTheirKeySoTheCurrentKeyCanRotate() {
    String underA = new KeyRingCipher(Map.of("a", A), "a").encrypt("秘密", "ctx");
    assertThat(underA).startsWith("v2:a:");
    KeyRingCipher rotated = new KeyRingCipher(Map.of("a", A, "b", B), "b");
    assertThat(rotated.isCurrent(underA)).isFalse();
    String underB = rotated.encrypt(rotated.decrypt(underA, "ctx"), "ctx");
    assertThat(underB).startsWith("v2:b:");
    assertThat(new KeyRingCipher(Map.of("b", B), "b").decrypt(underB, "ctx")).isEqualTo("秘密");
    assertThatThrownBy(() -> new KeyRingCipher(Map.of("b", B), "b").decrypt(underA, "ctx"))
        .hasMessageContaining("no key configured for key id a");
  }

  @Test
  void aSingleConfiguredKeyIsTheDefaultKeyAndSeveralNeedACurrentOne() {
    String a64 = Base64.getEncoder().encodeToString(A);
    assertThat(KeyRingCipher.fromBase64(Map.of(), a64, null, "x.key").currentKeyId())
        .isEqualTo("default");
    assertThatThrownBy(
            () ->
                KeyRingCipher.fromBase64(
                    Map.of("b", Base64.getEncoder().encodeToString(B)), a64, null, "x.keys"))
        .hasMessageContaining("current key id");
    assertThatThrownBy(() -> KeyRingCipher.fromBase64(Map.of(), "", null, "x.key"))
        .hasMessageContaining("x.key");
  }
}
