package cn.dangjian.events.dues;

import cn.dangjian.events.Subject;
import java.util.UUID;

/**
 * {@code dues.bill.issued} v1: a bill run issued a month's bills for an org subtree (one event per
 * run and subtree root, not per bill: a month is ~1,000,000 bills per province). Subject: the org.
 *
 * @param runId the run
 * @param month {@code yyyy-MM}
 * @param orgId root of the subtree billed
 * @param issued bills newly issued by this run (0 when the month was already billed)
 * @param billed bills of the month in the subtree after the run
 * @param amountFen total due of the month's bills in the subtree, in fen
 */
@Subject(value = "orgId", kind = "org")
public record BillsIssued(
    UUID runId, String month, UUID orgId, int issued, int billed, long amountFen) {}
