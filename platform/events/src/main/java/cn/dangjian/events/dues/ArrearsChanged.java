package cn.dangjian.events.dues;

import cn.dangjian.events.Subject;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code dues.arrears.changed} v1: a member's consecutive unpaid months changed (a month ended
 * unpaid, a payment, a reversal). alert-service warns at 3/5/6 (DF Art 13). Subject: the member.
 *
 * @param consecutiveMonths months in a row unpaid, counted back from the last ended month
 * @param sinceMonth the first of them ({@code yyyy-MM}), null when 0
 * @param outstandingFen what they add up to, in fen
 */
@Subject(value = "memberId", kind = "member")
public record ArrearsChanged(
    UUID memberId,
    UUID orgId,
    int consecutiveMonths,
    @Nullable String sinceMonth,
    long outstandingFen) {}
