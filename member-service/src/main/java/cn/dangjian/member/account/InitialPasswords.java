package cn.dangjian.member.account;

import java.security.SecureRandom;

/**
 * Initial passwords for new accounts: 16 characters from a CSPRNG with upper, lower, digit and
 * symbol (about 95 bits), without look-alikes (0/O, 1/l/I) since they are read out or typed once.
 */
final class InitialPasswords {

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!@#$%^&*-_=+?";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  private static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private InitialPasswords() {}

  static String generate() {
    char[] chars = new char[LENGTH];
    chars[0] = pick(UPPER);
    chars[1] = pick(LOWER);
    chars[2] = pick(DIGITS);
    chars[3] = pick(SYMBOLS);
    for (int i = 4; i < LENGTH; i++) {
      chars[i] = pick(ALL);
    }
    for (int i = LENGTH - 1; i > 0; i--) { // shuffle so the classes sit anywhere
      int j = RANDOM.nextInt(i + 1);
      char t = chars[i];
      chars[i] = chars[j];
      chars[j] = t;
    }
    return new String(chars);
  }

  private static char pick(String from) {
    return from.charAt(RANDOM.nextInt(from.length()));
  }
}
