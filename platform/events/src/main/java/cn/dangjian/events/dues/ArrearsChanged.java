package cn.dangjian.events.dues;

import java.util.UUID;

/**
 * {@code dues.arrears.changed} v1: a member's consecutive unpaid months changed (a month ended
 * unpaid, a payment, a reversal). alert-service warns at 3/5/6 (DF Art 13). Subject: the member.
 *
 * @param consecutiveMonths months in a row unpaid, counted back from the last ended month
 * @param sinceMonth the first of them ({@code yyyy-MM}), null when 0
 * @param outstandingFen what they add up to, in fen
 */
public record ArrearsChanged(
    UUID memberId, UUID orgId, int consecutiveMonths, String sinceMonth, long outstandingFen) {}
