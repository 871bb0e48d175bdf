package cn.dangjian.platform.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/** What a running job's work can tell and ask the facility. */
public interface JobContext {

  UUID jobId();

  /**
   * How far the work is, e.g. {@code progress(1200, 5000, "members")}; {@code total} may be null
   * when unknown. Cheap to call per item: it is written at most once a second.
   */
  void progress(long done, Long total, String unit);

  /** Throws {@link JobCancelledException} when a user asked to cancel this job. */
  void checkCancelled();

  /**
   * Writes the job's result file as a stream (no whole file in memory); it is kept for the
   * configured time and downloaded from the job's {@code file} link.
   *
   * @return what the writer counted (e.g. the rows of a table), for the job's result
   */
  long writeFile(String fileName, String mediaType, FileWriter writer) throws IOException;

  @FunctionalInterface
  interface FileWriter {
    /** Writes the file; answers what it counted (rows, bytes). */
    long write(OutputStream out) throws IOException;
  }
}
