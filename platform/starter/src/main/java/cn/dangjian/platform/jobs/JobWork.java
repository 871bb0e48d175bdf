package cn.dangjian.platform.jobs;

/**
 * The work of one kind of job. It runs outside any request (no security context: whatever the
 * caller's scope allowed is decided when the job is submitted and carried in the payload) and
 * outside any transaction (it opens its own, in chunks, so progress and cancellation are seen).
 *
 * @param <P> the payload record, stored as JSON with the job
 */
@FunctionalInterface
public interface JobWork<P> {

  /**
   * Does the work and returns the result users see (a record, serialised as JSON), or {@code null}
   * when the result is the file written through {@link JobContext#writeFile}.
   */
  Object run(P payload, JobContext context) throws Exception;
}
