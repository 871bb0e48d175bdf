package cn.dangjian.orglife.meeting;

import java.util.UUID;

/**
 * One person at one meeting: expected (on the roster) or a guest, whether they may vote, whether
 * they came and, if not, why.
 *
 * @param present null until the meeting is recorded
 * @param excludedFromBase left out of the vote base with higher approval (long illness, abroad…)
 */
record AttendanceRow(
    UUID memberId,
    boolean expected,
    boolean canVote,
    Boolean present,
    AbsenceReason absenceReason,
    boolean excludedFromBase,
    String note) {}
