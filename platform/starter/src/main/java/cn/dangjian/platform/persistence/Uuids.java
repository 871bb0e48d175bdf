package cn.dangjian.platform.persistence;

import java.nio.ByteBuffer;
import java.util.UUID;

/** UUID ⇄ BINARY(16), the way every schema here stores ids. */
public final class Uuids {

  private Uuids() {}

  public static byte[] bytes(UUID id) {
    if (id == null) {
      return null;
    }
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }

  public static UUID uuid(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }
}
