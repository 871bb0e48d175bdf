package cn.dangjian.platform.jobs;

import java.io.OutputStream;
import java.util.UUID;

/** Writes a job's file into 1 MiB rows as it is produced: bounded memory, any replica reads it. */
class ChunkedFileOutputStream extends OutputStream {

  static final int CHUNK = 1024 * 1024;

  private final JobStore store;
  private final UUID jobId;
  private final byte[] buffer = new byte[CHUNK];
  private int filled;
  private int seq;
  private long size;

  ChunkedFileOutputStream(JobStore store, UUID jobId) {
    this.store = store;
    this.jobId = jobId;
  }

  @Override
  public void write(int b) {
    if (filled == CHUNK) {
      flushChunk();
    }
    buffer[filled++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    int written = 0;
    while (written < length) {
      if (filled == CHUNK) {
        flushChunk();
      }
      int n = Math.min(length - written, CHUNK - filled);
      System.arraycopy(bytes, offset + written, buffer, filled, n);
      filled += n;
      written += n;
    }
    size += length;
  }

  @Override
  public void close() {
    if (filled > 0 || seq == 0) {
      flushChunk();
    }
  }

  long size() {
    return size;
  }

  private void flushChunk() {
    byte[] data = new byte[filled];
    System.arraycopy(buffer, 0, data, 0, filled);
    store.writeChunk(jobId, seq++, data);
    filled = 0;
  }
}
