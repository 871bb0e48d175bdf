package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code committee.changed} v1: an organisation's committee changed (new term, appointment,
 * departure, postponement). Carries the due dates alert-service warns on: 换届 due (T−6m, T−1m,
 * overdue) and how long the secretary post has been vacant.
 *
 * @param dueOn when 换届 is due: the term's end or the approved postponement
 * @param secretaryMemberId the sitting secretary, null when vacant
 * @param secretaryVacantSince null unless the post is vacant
 * @param seats seats currently held
 */
@Subject(value = "orgId", kind = "org")
public record CommitteeChanged(
    UUID orgId,
    UUID termId,
    LocalDate termStartedOn,
    LocalDate termEndsOn,
    LocalDate dueOn,
    @Nullable UUID secretaryMemberId,
    @Nullable LocalDate secretaryVacantSince,
    int seats) {}
