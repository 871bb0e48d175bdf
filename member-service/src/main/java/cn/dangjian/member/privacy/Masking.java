package cn.dangjian.member.privacy;

/**
 * How personal data is shown to callers who may not see it in full. Masks keep so little that the
 * value cannot be rebuilt: with 3 + 4 digits of an ID number plus the birth date in the same
 * response only a handful of digits were left to guess.
 */
public final class Masking {

  private Masking() {}

  /** {@code 110101199003071234} → {@code 1****************4}: first and last character only. */
  public static String idNumber(String value) {
    return keep(value, 1, 1);
  }

  /** {@code 13812345678} → {@code 138******78}: first 3 and last 2 at most. */
  public static String phone(String value) {
    return keep(value, 3, 2);
  }

  /**
   * {@code zhang.san@example.com} → {@code z***@example.com}: the first character of the local part
   * and the domain (which says the provider, not the person); always three stars, so the mask does
   * not tell the name's length either.
   */
  public static String email(String value) {
    if (value == null) {
      return null;
    }
    int at = value.lastIndexOf('@');
    if (at < 1) {
      return "*".repeat(value.length());
    }
    return value.charAt(0) + "***" + value.substring(at);
  }

  private static String keep(String value, int head, int tail) {
    if (value == null) {
      return null;
    }
    // short values would show too large a share: mask them completely
    if (value.length() <= 2 * (head + tail)) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
