package cn.dangjian.platform.jobs;

/**
 * Told when a job starts, makes progress (at most once a second) and ends — e.g. to push it to the
 * user's event stream. Called on the job's thread: keep it quick and never throw.
 */
@FunctionalInterface
public interface JobListener {

  void changed(JobView job);
}
