package cn.dangjian.orglife.formalism;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.RecordFlagged;
import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.formalism.FormalismRules.Candidate;
import cn.dangjian.orglife.formalism.FormalismRules.PastAttendance;
import cn.dangjian.orglife.formalism.FormalismStore.Overlap;
import cn.dangjian.orglife.formalism.FormalismStore.Previous;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the anti-formalism checks when a record is submitted and stores each finding as a flag with
 * its evidence plus an {@code orglife.record-flagged} event. Nothing here blocks a record.
 */
@NamedInterface("checks")
@Service
public class FormalismChecker {

  private final FormalismStore store;
  private final OrgLifeProperties properties;
  private final DomainEventPublisher events;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  FormalismChecker(
      FormalismStore store,
      OrgLifeProperties properties,
      DomainEventPublisher events,
      Clock clock) {
    this.store = store;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** What the checks need to know about the record being submitted. */
  public record Submitted(
      UUID meetingId,
      UUID orgId,
      String orgPath,
      String parentPath,
      String meetingType,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      LocalDate heldOn,
      int recordVersion,
      int expected,
      Set<UUID> present,
      String minutes,
      byte[] minhash,
      Instant firstRecordedAt) {}

  @Transactional(propagation = Propagation.MANDATORY)
  public List<FlagView> check(Submitted s) {
    store.clear(s.meetingId(), s.recordVersion());
    List<FlagView> flags = new ArrayList<>();
    duplicateMinutes(s, flags);
    identicalAttendance(s, flags);
    overlapping(s, flags);
    lateEntry(s, flags);
    return flags;
  }

  /** Near-duplicate minutes against the same and sibling branches' earlier records. */
  void duplicateMinutes(Submitted s, List<FlagView> flags) {
    if (s.minhash() == null
        || MinHash.normalise(s.minutes()).length() < properties.formalism().minMinutesLength()) {
      return;
    }
    List<Candidate> earlier = store.candidates(s);
    FormalismRules.mostSimilar(
            s.minhash(), earlier, properties.formalism().duplicateMinutesThreshold())
        .ifPresent(
            match -> {
              Map<String, Object> evidence = new LinkedHashMap<>();
              evidence.put("matchedMeetingId", match.candidate().meetingId());
              evidence.put("matchedOrgId", match.candidate().orgId());
              evidence.put("matchedHeldOn", match.candidate().heldOn().toString());
              evidence.put("sameOrg", match.candidate().orgId().equals(s.orgId()));
              evidence.put("similarity", round(match.similarity()));
              evidence.put("compared", earlier.size());
              flags.add(
                  raise(
                      s,
                      FlagKind.DUPLICATE_MINUTES,
                      match.candidate().meetingId(),
                      round(match.similarity()),
                      evidence));
            });
  }

  /** The same people, all of them, meeting after meeting. */
  void identicalAttendance(Submitted s, List<FlagView> flags) {
    int run = properties.formalism().identicalAttendanceRun();
    if (run < 2 || s.present().size() != s.expected()) {
      return;
    }
    List<Previous> previous = store.previous(s, run - 1);
    if (previous.size() < run - 1) {
      return;
    }
    List<UUID> ids = previous.stream().map(Previous::id).toList();
    Map<UUID, List<UUID>> present = store.presentOf(ids);
    List<PastAttendance> past = new ArrayList<>();
    for (Previous p : previous) {
      past.add(
          new PastAttendance(
              p.id(),
              p.expected(),
              p.actual(),
              new HashSet<>(present.getOrDefault(p.id(), List.of()))));
    }
    if (FormalismRules.identicalFullAttendance(s.expected(), s.present(), past, run)) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("meetingIds", ids);
      evidence.put("attendees", s.present().size());
      evidence.put("run", run);
      flags.add(raise(s, FlagKind.IDENTICAL_FULL_ATTENDANCE, ids.get(0), null, evidence));
    }
  }

  /** Other meetings at the same time, of the same org or with one of the same people present. */
  void overlapping(Submitted s, List<FlagView> flags) {
    for (Overlap o : store.overlapping(s)) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("overlappingMeetingId", o.meetingId());
      evidence.put("overlappingOrgId", o.orgId());
      evidence.put("overlappingStartsAt", o.startsAt().toString());
      evidence.put("overlappingEndsAt", o.endsAt().toString());
      evidence.put("sameOrg", o.orgId().equals(s.orgId()));
      flags.add(raise(s, FlagKind.OVERLAPPING_MEETINGS, o.meetingId(), null, evidence));
    }
  }

  void lateEntry(Submitted s, List<FlagView> flags) {
    int allowed = properties.formalism().lateEntryDays();
    if (s.firstRecordedAt() != null
        && FormalismRules.lateEntry(s.endsAt(), s.firstRecordedAt(), properties.zone(), allowed)) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("heldOn", s.heldOn().toString());
      evidence.put("firstRecordedAt", s.firstRecordedAt().toString());
      evidence.put(
          "daysLate", FormalismRules.daysLate(s.endsAt(), s.firstRecordedAt(), properties.zone()));
      evidence.put("allowedDays", allowed);
      flags.add(raise(s, FlagKind.LATE_ENTRY, null, null, evidence));
    }
  }

  private FlagView raise(
      Submitted s, FlagKind kind, UUID related, Double similarity, Map<String, Object> evidence) {
    UUID id = UuidV7.next();
    Instant now = clock.instant();
    String evidenceJson = json.writeValueAsString(evidence);
    FlagView flag =
        new FlagView(
            id, s.recordVersion(), kind, kind.label(), related, similarity, evidenceJson, now);
    store.insert(flag, s.meetingId());
    events.publish(
        EventTypes.ORGLIFE_RECORD_FLAGGED,
        s.meetingId().toString(),
        s.orgPath(),
        new RecordFlagged(
            id,
            s.meetingId(),
            s.orgId(),
            s.meetingType(),
            s.heldOn(),
            s.recordVersion(),
            kind.name(),
            related,
            similarity == null ? 0 : similarity,
            evidenceJson));
    return flag;
  }

  /** The flags of a meeting, newest version first. */
  public List<FlagView> flagsOf(UUID meetingId) {
    return store.flagsOf(meetingId);
  }

  /** Number of flags per meeting (current record version), for lists. */
  public Map<UUID, Integer> flagCounts(List<UUID> meetingIds) {
    return store.flagCounts(meetingIds);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
