package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.BulkViews.ImportReport;

/** A report and whether it was stored from an earlier request with the same Idempotency-Key. */
public record ImportOutcome(ImportReport report, boolean replayed) {}
