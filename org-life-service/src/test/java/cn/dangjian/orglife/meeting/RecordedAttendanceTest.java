package cn.dangjian.orglife.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.orglife.meeting.MeetingRequests.Absentee;
import cn.dangjian.orglife.meeting.MeetingRequests.RecordMeeting;
import cn.dangjian.orglife.meeting.MeetingRules.Expected;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedMember;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The attendance of a record against its roster, without a database. */
class RecordedAttendanceTest {

  private final UUID full1 = UUID.randomUUID();
  private final UUID full2 = UUID.randomUUID();
  private final UUID full3 = UUID.randomUUID();
  private final UUID probationer = UUID.randomUUID();
  private final List<Expected> roster =
      List.of(
          new Expected(full1, true),
          new Expected(full2, true),
          new Expected(full3, true),
          new Expected(probationer, false));

  @Test
  void theVoteBaseIsTheEntitledLessTheExcusedAbsenteesLeftOutOfIt() {
    RecordedAttendance a =
        RecordedAttendance.of(
            roster,
            record(
                List.of(full1, full2, probationer),
                List.of(new Absentee(full3, AbsenceReason.ILLNESS, "住院", true)),
                null),
            nobody());

    assertThat(a.expectedCount()).isEqualTo(4);
    assertThat(a.presentCount()).isEqualTo(3);
    assertThat(a.entitled()).isEqualTo(3);
    assertThat(a.excluded()).isEqualTo(1);
    assertThat(a.presentVoters()).isEqualTo(2);
  }

  @Test
  void committeeQuorumCountsSeatsNotInvitees() {
    // a 5-seat committee: full1 and full2 sit on it and came; full3 and the probationer were
    // invited
    // (列席) — full3 came, the probationer too; 3 of the 4 invitees present would be quorate on the
    // roster, 2 of 5 seats is not
    RecordedAttendance roll =
        RecordedAttendance.of(
            roster, record(List.of(full1, full2, full3, probationer), List.of(), null), nobody());
    assertThat(roll.presentVoters()).isEqualTo(3);
    assertThat(roll.entitled()).isEqualTo(3);

    RecordedAttendance seats =
        roll.onCommittee(
            5, Set.of(full1, full2, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    assertThat(seats.entitled()).isEqualTo(5);
    assertThat(seats.presentVoters()).isEqualTo(2);
    assertThat(seats.excluded()).isZero();
    assertThat(seats.rows())
        .filteredOn(r -> r.memberId().equals(full3))
        .singleElement()
        .satisfies(r -> assertThat(r.canVote()).as("列席 does not vote").isFalse());
    assertThatThrownBy(() -> MeetingRules.checkVote(5, 0, seats.presentVoters(), 2, 0, 0))
        .isInstanceOf(ProblemException.class);
    // the same invitees, with three seats held that day: 2 of 3 is quorate
    assertThat(roll.onCommittee(3, Set.of(full1, full2, UUID.randomUUID())).presentVoters())
        .isEqualTo(2);
    MeetingRules.checkVote(3, 0, 2, 2, 0, 0);

    // nothing known: the roster as before; seats known but not the members: seats are the base
    assertThat(roll.onCommittee(0, null)).isEqualTo(roll);
    RecordedAttendance seatsOnly = roll.onCommittee(5, null);
    assertThat(seatsOnly.entitled()).isEqualTo(5);
    assertThat(seatsOnly.presentVoters()).isEqualTo(3);
  }

  @Test
  void presentRowsComeFirstThenAbsenteesThenGuests() {
    UUID guest = UUID.randomUUID();

    RecordedAttendance a =
        RecordedAttendance.of(
            roster,
            record(
                List.of(full1, full2, probationer),
                List.of(new Absentee(full3, AbsenceReason.WORK, "  ", null)),
                List.of(guest)),
            member(guest, "ACTIVE", "FULL"));

    assertThat(a.rows())
        .extracting(AttendanceRow::memberId)
        .containsExactly(full1, full2, probationer, full3, guest);
    AttendanceRow absent = a.rows().get(3);
    assertThat(absent.present()).isFalse();
    assertThat(absent.note()).isNull();
    assertThat(absent.excludedFromBase()).isFalse();
    AttendanceRow guestRow = a.rows().get(4);
    assertThat(guestRow.expected()).isFalse();
    assertThat(guestRow.canVote()).isFalse();
    assertThat(guestRow.present()).isTrue();
  }

  @Test
  void anExpectedAttendeeCannotAlsoBeAGuest() {
    RecordMeeting r = record(List.of(full1, full2, full3, probationer), List.of(), List.of(full1));

    breaks(() -> RecordedAttendance.of(roster, r, nobody()), "guest-is-an-expected-attendee");
  }

  @Test
  void aGuestIsAnActiveAdmittedMember() {
    UUID applicant = UUID.randomUUID();
    RecordMeeting r =
        record(List.of(full1, full2, full3, probationer), List.of(), List.of(applicant));

    breaks(
        () -> RecordedAttendance.of(roster, r, member(applicant, "ACTIVE", "APPLICANT")),
        "guest-is-not-a-member");
  }

  @Test
  void theHostAndTheRecorderAttend() {
    RecordMeeting r =
        record(
            List.of(full2, full3, probationer),
            List.of(new Absentee(full1, AbsenceReason.LEAVE, null, false)),
            null);

    breaks(() -> RecordedAttendance.of(roster, r, nobody()), "host-and-recorder-attend");
  }

  private static void breaks(ThrowingCallable call, String rule) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.properties()).containsEntry("rule", rule));
  }

  /** Hosted by full1, recorded by full2. */
  private RecordMeeting record(List<UUID> attendees, List<Absentee> absentees, List<UUID> guests) {
    return new RecordMeeting(
        "支部党员大会",
        LocalDateTime.of(2026, 11, 2, 14, 0),
        LocalDateTime.of(2026, 11, 2, 16, 0),
        "党员活动室",
        full1,
        full2,
        null,
        "会议记录",
        null,
        null,
        null,
        attendees,
        absentees,
        guests,
        null,
        null);
  }

  private static Function<UUID, Optional<ProjectedMember>> nobody() {
    return id -> Optional.empty();
  }

  private static Function<UUID, Optional<ProjectedMember>> member(
      UUID id, String status, String stage) {
    ProjectedMember m =
        new ProjectedMember(
            id,
            UUID.randomUUID(),
            "/other/",
            stage,
            status,
            "EMPLOYED",
            LocalDate.of(2015, 7, 1),
            null,
            Set.of(),
            null,
            null);
    return x -> x.equals(id) ? Optional.of(m) : Optional.empty();
  }
}
