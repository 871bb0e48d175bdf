package cn.dangjian.gateway.correlation;

/** Test access to the package-private masking. */
public final class SecretQueryMaskingAccess {

  private SecretQueryMaskingAccess() {}

  public static String mask(String text) {
    return SecretQueryMasking.mask(text);
  }
}
