package cn.dangjian.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * RFC 9562 version 7 UUIDs with the same bit layout as {@code
 * cn.dangjian.platform.persistence.UuidV7} (48-bit Unix milliseconds, version 7, 12 random bits,
 * IETF variant, 62 random bits), but with the timestamp chosen by the caller and a seeded
 * generator, so a loaded province is reproducible and its ids can be spread over the years the
 * records were "registered" in.
 */
public final class UuidV7s {

  private UuidV7s() {}

  public static UUID at(long epochMillis, SplittableRandom random) {
    long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16;
    msb |= 0x7000L;
    msb |= random.nextInt(1 << 12);
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /** BINARY(16) as Hibernate stores a {@link UUID}: most significant half first, big-endian. */
  public static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }

  public static UUID fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }
}
