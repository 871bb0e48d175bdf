package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.List;
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
 * @param memberIds the members sitting on the committee after the change, secretary included (added
 *     later: null in events published before)
 * @param secretarySince the day the sitting secretary took office, through consecutive terms (added
 *     later; null when vacant)
 * @param effectiveOn the day this composition took effect: the latest of the term's start, an
 *     appointment and a departure (added later; consumers that keep a history date it by this)
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
    int seats,
    @Nullable List<UUID> memberIds,
    @Nullable LocalDate secretarySince,
    @Nullable LocalDate effectiveOn) {

  /** As published before the membership fields existed (tests and tools that need no members). */
  public CommitteeChanged(
      UUID orgId,
      UUID termId,
      LocalDate termStartedOn,
      LocalDate termEndsOn,
      LocalDate dueOn,
      @Nullable UUID secretaryMemberId,
      @Nullable LocalDate secretaryVacantSince,
      int seats) {
    this(
        orgId,
        termId,
        termStartedOn,
        termEndsOn,
        dueOn,
        secretaryMemberId,
        secretaryVacantSince,
        seats,
        null,
        null,
        null);
  }
}
