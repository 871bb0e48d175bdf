package cn.dangjian.member.privacy;

/** Lets tests of other packages write values in the old cipher format. */
public final class PrivacyTestSupport {

  private PrivacyTestSupport() {}

  public static String legacyEncrypt(byte[] key, String plaintext) throws Exception {
    return PrivacyTest.legacyEncrypt(key, plaintext);
  }
}
