package cn.dangjian.dues.support;

import java.nio.ByteBuffer;
import java.util.UUID;

/** UUID ⇄ BINARY(16), the way Hibernate stores java.util.UUID under the MySQL dialect. */
public final class Ids {

  private Ids() {}

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

  /**
   * A LIKE pattern for "starts with"; paths hold only hex digits, dashes and slashes, anything else
   * is escaped so a malformed prefix can never widen a scope.
   */
  public static String prefixPattern(String pathPrefix) {
    return pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
