package cn.dangjian.member.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The 18-digit resident identity number (GB 11643-1999): format, birth date and check digit. */
public final class ChineseIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private ChineseIdNumber() {}

  /** Upper-cases a trailing x and strips blanks, the form stored and hashed. */
  public static String normalize(String value) {
    return value == null ? null : value.strip().toUpperCase();
  }

  public static boolean isValid(String value) {
    String id = normalize(value);
    if (id == null || !id.matches("\\d{17}[0-9X]")) {
      return false;
    }
    if (birthDate(id).isEmpty()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11] == id.charAt(17);
  }

  public static Optional<LocalDate> birthDate(String id) {
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14))));
    } catch (DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** Appends the right check digit to 17 digits (for test and demo data). */
  public static String withCheckDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }
}
