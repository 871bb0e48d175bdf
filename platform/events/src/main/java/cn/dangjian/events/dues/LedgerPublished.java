package cn.dangjian.events.dues;

import cn.dangjian.events.Subject;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code dues.ledger-published} v1: an org published a year of its dues account (党费专户) to its
 * members; the figures are frozen from then on. Totals in fen; no member is named. Subject: the
 * org.
 *
 * @param year the calendar year (Asia/Shanghai)
 * @param openingBalanceFen balance on 1 January
 * @param duesFen members' dues credited to the org (extras passed on to the Centre excluded,
 *     reversals deducted)
 * @param interestFen bank interest
 * @param allocationInFen allocations received from the parent org
 * @param remittanceInFen remittances received from child orgs
 * @param expenseFen expenses
 * @param allocationOutFen allocations made to child orgs
 * @param remittanceOutFen remittances to the parent org
 * @param passedToCentreFen one-off extras of at least 1000 元 collected and passed on to the Centre
 *     (DF Art 11), not the org's income
 * @param closingBalanceFen balance on 31 December
 */
@Subject(value = "orgId", kind = "org")
public record LedgerPublished(
    UUID orgId,
    int year,
    long openingBalanceFen,
    long duesFen,
    long interestFen,
    long allocationInFen,
    long remittanceInFen,
    long expenseFen,
    long allocationOutFen,
    long remittanceOutFen,
    long passedToCentreFen,
    long closingBalanceFen,
    Instant publishedAt) {}
