package cn.dangjian.bench;

import java.time.LocalDate;

/** 18-digit resident ID numbers (GB 11643-1999) with a correct check digit. */
public final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private IdNumbers() {}

  /**
   * The first 17 digits as a number: 6-digit region, birth date, 3-digit sequence (odd for men).
   */
  public static long first17(int region, LocalDate birth, int sequence) {
    long date = birth.getYear() * 10_000L + birth.getMonthValue() * 100L + birth.getDayOfMonth();
    return (region * 100_000_000L + date) * 1000L + sequence;
  }

  public static String of(long first17) {
    String digits = String.format("%017d", first17);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    return digits + CHECK[sum % 11];
  }
}
