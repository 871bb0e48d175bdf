package cn.dangjian.member.privacy;

/** How personal data is shown to callers who may not see it in full. */
public final class Masking {

  private Masking() {}

  /** {@code 110101199003071234} → {@code 110***********1234}. */
  public static String idNumber(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() <= 7) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 3)
        + "*".repeat(value.length() - 7)
        + value.substring(value.length() - 4);
  }

  /** {@code 13812345678} → {@code 138****5678}. */
  public static String phone(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() <= 7) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 3)
        + "*".repeat(value.length() - 7)
        + value.substring(value.length() - 4);
  }
}
