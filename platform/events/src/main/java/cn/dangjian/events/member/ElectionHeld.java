package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code committee.election-held} v1: an organisation's 党员大会 voted in a 换届 election and the result
 * was recorded. {@code valid} says whether the election counts (XJ: voters present more than four
 * fifths of those entitled to attend; ballots returned not more than voters); an invalid election
 * starts no term and must be held again (alert-service: ELECTION_INVALID, resolved by the next
 * valid election of the org or a new term).
 *
 * @param entitled members entitled to attend and vote (formal members with voting rights, counted
 *     by member-service)
 * @param present voters present
 * @param seats places to fill
 * @param candidates candidates on the approved list (差额: at least 20 % more than seats)
 * @param rule why the election is invalid, e.g. {@code turnout-not-above-four-fifths}; null when
 *     valid
 * @param electedMemberIds candidates elected (more than half of those present), none if invalid
 */
@Subject(value = "orgId", kind = "org")
public record ElectionHeld(
    UUID electionId,
    UUID orgId,
    LocalDate heldOn,
    int entitled,
    int present,
    int seats,
    int candidates,
    boolean valid,
    @Nullable String rule,
    List<UUID> electedMemberIds) {}
