package cn.dangjian.platform.jobs;

/**
 * One kind of job a service runs, declared as a bean.
 *
 * @param kind stable name in the job resource and in the natural key (e.g. {@code bill-run})
 * @param payloadType the payload record
 * @param resumable whether a run cut off by a restart may simply run again (idempotent work); if
 *     not, such a job is marked failed with the reason and the user starts it again
 * @param cancellableWhileRunning whether {@code DELETE} may stop it once it runs (the work checks
 *     {@link JobContext#checkCancelled()} between chunks); queued jobs can always be cancelled
 * @param work what it does
 */
public record JobType<P>(
    String kind,
    Class<P> payloadType,
    boolean resumable,
    boolean cancellableWhileRunning,
    JobWork<P> work) {}
