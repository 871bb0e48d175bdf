package cn.dangjian.member.bulk;

/** A report and whether it was stored from an earlier request with the same Idempotency-Key. */
public record ImportOutcome(ImportReport report, boolean replayed) {}
