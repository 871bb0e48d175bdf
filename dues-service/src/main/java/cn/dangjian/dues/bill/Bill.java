package cn.dangjian.dues.bill;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** One monthly bill as stored. */
public record Bill(
    UUID id,
    UUID memberId,
    YearMonth month,
    UUID orgId,
    String orgPath,
    String category,
    long amountFen,
    BillStatus status,
    String origin,
    UUID profileId,
    UUID paymentId,
    Instant paidAt,
    Instant issuedAt,
    long version) {}
