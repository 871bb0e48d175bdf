package cn.dangjian.events.dues;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code dues.paid} v1: a payment was confirmed (offline when recorded, online on the provider's
 * verified callback). Subject: the member. Amounts of dues only, never a base or income.
 *
 * @param months the months it settled ({@code yyyy-MM}), prepaid months included
 * @param channel OFFLINE or ONLINE
 * @param billsFen dues for those months, in fen
 * @param extraFen voluntary extra amount, in fen
 * @param remitToCentre a one-off extra ≥ 1000 元, which all goes to the Centre (DF Art 11)
 */
@Subject(value = "memberId", kind = "member")
public record DuesPaid(
    UUID paymentId,
    UUID memberId,
    UUID orgId,
    @OneOf(PaymentChannel.class) String channel,
    List<String> months,
    long billsFen,
    long extraFen,
    long totalFen,
    boolean remitToCentre,
    Instant paidAt) {}
