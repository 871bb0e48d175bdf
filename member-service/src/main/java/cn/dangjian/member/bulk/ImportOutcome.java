package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.BulkViews.ImportReport;
import cn.dangjian.platform.jobs.JobView;
import org.jspecify.annotations.Nullable;

/**
 * What an import answers: the report (a dry run, or a file refused at once), or the job that
 * applies its rows; and whether it was stored from an earlier request with the same
 * Idempotency-Key.
 */
public record ImportOutcome(
    @Nullable ImportReport report, @Nullable JobView job, boolean replayed) {}
