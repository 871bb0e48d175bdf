package cn.dangjian.orglife.attachment;

import java.io.IOException;
import java.io.InputStream;

/** Where attachment bytes live; metadata stays in the database. */
public interface AttachmentStorage {

  /**
   * Stores at most {@code maxBytes} bytes under a new key.
   *
   * @throws TooLargeException when the stream is longer than {@code maxBytes} (nothing is kept)
   */
  Stored store(String key, InputStream content, long maxBytes) throws IOException;

  InputStream open(String key) throws IOException;

  void delete(String key) throws IOException;

  /** What was written. */
  record Stored(String key, long size, String sha256) {}

  /** The content exceeded the limit. */
  final class TooLargeException extends IOException {
    public TooLargeException() {
      super("attachment too large");
    }
  }
}
