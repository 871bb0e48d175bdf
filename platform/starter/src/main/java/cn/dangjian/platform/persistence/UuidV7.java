package cn.dangjian.platform.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * RFC 9562 version 7 UUIDs: 48-bit Unix milliseconds then random bits. Time-ordered, so inserts
 * append to the primary key index instead of splitting pages, with no AUTO_INCREMENT hot spot once
 * the database is sharded.
 */
public final class UuidV7 {

  private static final SecureRandom RANDOM = new SecureRandom();

  private UuidV7() {}

  public static UUID next() {
    return at(System.currentTimeMillis());
  }

  static UUID at(long epochMillis) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16;
    msb |= 0x7000L; // version 7
    msb |= ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
    long lsb = 0x8000_0000_0000_0000L; // IETF variant
    for (int i = 2; i < 10; i++) {
      lsb |= (random[i] & 0xFFL) << ((9 - i) * 8);
    }
    lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
