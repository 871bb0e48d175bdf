package cn.dangjian.events.jobs;

/** A job's status in {@link JobChanged}. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
