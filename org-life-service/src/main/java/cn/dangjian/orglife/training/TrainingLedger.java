package cn.dangjian.orglife.training;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.TrainingCredited;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.security.CurrentCaller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Credited training hours per member and source, with a training-credited event per credit. */
@NamedInterface("ledger")
@Component
public class TrainingLedger {

  private final TrainingRecordStore records;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final CurrentCaller caller;
  private final Clock clock;

  TrainingLedger(
      TrainingRecordStore records,
      MemberProjection projection,
      DomainEventPublisher events,
      CurrentCaller caller,
      Clock clock) {
    this.records = records;
    this.projection = projection;
    this.events = events;
    this.caller = caller;
    this.clock = clock;
  }

  /**
   * Credits a 党课's hours to the members who attended it; on re-approval after a correction, members
   * no longer listed as present lose the credit.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void creditLecture(UUID meetingId, LocalDate heldOn, int tenths, List<UUID> present) {
    Set<UUID> keep = new HashSet<>(present);
    for (UUID member : records.lectureCredits(meetingId)) {
      if (!keep.contains(member)) {
        records.deleteLectureCredit(member, meetingId);
      }
    }
    for (UUID member : present) {
      projection
          .member(member)
          .ifPresent(m -> credit(m, TrainingKind.PARTY_LECTURE, meetingId, heldOn, tenths, tenths));
    }
  }

  /**
   * Credits one source to one member (replacing an earlier credit of the same source) and publishes
   * {@code orglife.training-credited}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID credit(
      ProjectedMember member,
      TrainingKind kind,
      UUID sourceId,
      LocalDate on,
      int hoursTenths,
      int creditedTenths) {
    UUID recordId =
        records.upsert(
            member,
            kind,
            sourceId,
            on,
            hoursTenths,
            creditedTenths,
            caller.usernameOrSystem(),
            clock.instant());
    if (creditedTenths > 0) {
      events.publish(
          EventTypes.ORGLIFE_TRAINING_CREDITED,
          member.memberId().toString(),
          member.orgPath(),
          new TrainingCredited(
              recordId,
              member.memberId(),
              member.orgId(),
              kind.name(),
              sourceId,
              on,
              TrainingRules.hours(creditedTenths),
              TrainingRules.hours(yearTenths(member.memberId(), on.getYear()))));
    }
    return recordId;
  }

  public boolean credited(UUID memberId, TrainingKind kind, UUID sourceId) {
    return records.credited(memberId, kind, sourceId);
  }

  public int yearTenths(UUID memberId, int year) {
    return records.yearTenths(memberId, year);
  }

  /** A member's credited tenths per kind in a year. */
  public Map<TrainingKind, Integer> yearByKind(UUID memberId, int year) {
    return records.yearByKind(memberId, year);
  }

  public int rotations(UUID memberId, int year) {
    return records.rotations(memberId, year);
  }

  /** Per member: [credited tenths, rotations] in the year (members without credits absent). */
  public Map<UUID, int[]> yearTotals(Collection<UUID> members, int year) {
    return records.yearTotals(members, year);
  }
}
