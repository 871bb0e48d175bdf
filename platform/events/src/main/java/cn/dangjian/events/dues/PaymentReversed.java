package cn.dangjian.events.dues;

import cn.dangjian.events.Subject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code dues.payment.reversed} v1: a confirmed payment was reversed (the reason is in the
 * service's audit trail, not here); its months are unpaid again. Subject: the member.
 */
@Subject(value = "memberId", kind = "member")
public record PaymentReversed(
    UUID paymentId,
    UUID memberId,
    UUID orgId,
    List<String> months,
    long totalFen,
    Instant reversedAt) {}
