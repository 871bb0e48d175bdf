package cn.dangjian.platform.jobs;

/** Thrown by {@link JobContext#checkCancelled()}: the work stops and the job ends cancelled. */
public class JobCancelledException extends RuntimeException {

  public JobCancelledException() {
    super("job cancelled by a user", null, false, false);
  }
}
