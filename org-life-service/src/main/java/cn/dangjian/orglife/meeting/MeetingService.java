package cn.dangjian.orglife.meeting;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.compliance.ComplianceCounts;
import cn.dangjian.orglife.formalism.FormalismChecker;
import cn.dangjian.orglife.formalism.MinHash;
import cn.dangjian.orglife.meeting.MeetingRequests.Absentee;
import cn.dangjian.orglife.meeting.MeetingRequests.AttendanceView;
import cn.dangjian.orglife.meeting.MeetingRequests.MeetingSummary;
import cn.dangjian.orglife.meeting.MeetingRequests.MeetingView;
import cn.dangjian.orglife.meeting.MeetingRequests.PlanMeeting;
import cn.dangjian.orglife.meeting.MeetingRequests.RecordMeeting;
import cn.dangjian.orglife.meeting.MeetingRequests.ResolutionInput;
import cn.dangjian.orglife.meeting.MeetingRequests.ResolutionView;
import cn.dangjian.orglife.meeting.MeetingRequests.RevisionView;
import cn.dangjian.orglife.meeting.MeetingRules.Expected;
import cn.dangjian.orglife.training.TrainingLedger;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.projection.Uuids;
import cn.dangjian.platform.scope.DataScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The meeting lifecycle: planned (notice) → held (record) → submitted (anti-formalism checks) →
 * approved or returned by the superior org → archived; corrections after approval are new, audited
 * versions that go back for review.
 */
@NamedInterface("lookup")
@Service
public class MeetingService {

  private static final Set<String> BRANCH_TYPES =
      Set.of("BRANCH", "JOINT_BRANCH", "TEMPORARY_BRANCH");

  private final MeetingRepository meetings;
  private final AttendanceStore attendance;
  private final ResolutionStore resolutions;
  private final RevisionStore revisions;
  private final FormalismChecker formalism;
  private final ComplianceCounts counts;
  private final TrainingLedger training;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final OrgLifeProperties properties;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  MeetingService(
      MeetingRepository meetings,
      AttendanceStore attendance,
      ResolutionStore resolutions,
      RevisionStore revisions,
      FormalismChecker formalism,
      ComplianceCounts counts,
      TrainingLedger training,
      MemberProjection projection,
      DomainEventPublisher events,
      OrgLifeProperties properties,
      Clock clock) {
    this.meetings = meetings;
    this.attendance = attendance;
    this.resolutions = resolutions;
    this.revisions = revisions;
    this.formalism = formalism;
    this.counts = counts;
    this.training = training;
    this.projection = projection;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Meeting plan(PlanMeeting r, DataScope scope, String by) {
    ProjectedOrg org = writableOrg(r.orgId(), scope);
    checkOrgType(r.type(), org);
    MeetingRules.checkTimes(r.startsAt(), r.endsAt());
    List<Expected> expected =
        roster(r.type(), org, r.expectedMemberIds(), r.startsAt().toLocalDate());
    Meeting m =
        new Meeting(
            org.orgId(),
            org.path(),
            parentPath(org.path()),
            org.orgType(),
            r.type(),
            r.title().strip(),
            r.startsAt(),
            r.endsAt(),
            trim(r.place()),
            trim(r.notice()),
            trim(r.agenda()),
            by,
            clock.instant());
    m.setExpectedCount(expected.size());
    meetings.save(m);
    attendance.insert(
        m.getId(),
        expected.stream()
            .map(e -> new AttendanceRow(e.memberId(), true, e.canVote(), null, null, false, null))
            .toList());
    events.publish(
        EventTypes.ORGLIFE_MEETING_PLANNED,
        m.getId().toString(),
        m.getOrgPath(),
        new MeetingPlanned(
            m.getId(),
            m.getOrgId(),
            m.getType().name(),
            m.getHeldOn(),
            m.getStartsAt(),
            m.getEndsAt(),
            expected.stream().map(Expected::memberId).toList()));
    return m;
  }

  @Transactional
  public Meeting cancel(UUID id, long version, DataScope scope) {
    Meeting m = writable(id, version, scope);
    m.moveTo(MeetingStatus.CANCELLED, clock.instant());
    List<UUID> expected =
        attendance.of(id).stream()
            .filter(AttendanceRow::expected)
            .map(AttendanceRow::memberId)
            .toList();
    events.publish(
        EventTypes.ORGLIFE_MEETING_CANCELLED,
        m.getId().toString(),
        m.getOrgPath(),
        new MeetingPlanned(
            m.getId(),
            m.getOrgId(),
            m.getType().name(),
            m.getHeldOn(),
            m.getStartsAt(),
            m.getEndsAt(),
            expected));
    return m;
  }

  /** Records (or re-records, until submitted) what happened at the meeting. */
  @Transactional
  public Meeting record(UUID id, long version, RecordMeeting r, DataScope scope, String by) {
    Meeting m = writable(id, version, scope);
    m.moveTo(MeetingStatus.HELD, clock.instant());
    List<AttendanceRow> rows = applyRecord(m, r, by);
    publishRecord(EventTypes.ORGLIFE_MEETING_HELD, m, rows, "");
    return m;
  }

  @Transactional
  public Meeting submit(UUID id, long version, DataScope scope, String by) {
    Meeting m = writable(id, version, scope);
    m.moveTo(MeetingStatus.SUBMITTED, clock.instant());
    m.submitted(by, clock.instant());
    List<AttendanceRow> rows = attendance.of(id);
    runChecks(m, rows);
    publishRecord(EventTypes.ORGLIFE_MEETING_SUBMITTED, m, rows, "");
    return m;
  }

  /** The superior org approves: the meeting now counts for compliance (and 党课 hours). */
  @Transactional
  public Meeting approve(UUID id, long version, String comment, DataScope scope, String reviewer) {
    Meeting m = reviewable(id, version, scope, reviewer);
    m.moveTo(MeetingStatus.APPROVED, clock.instant());
    m.reviewed(reviewer, trim(comment), clock.instant());
    int month = ComplianceCounts.monthOf(m.getHeldOn());
    counts.add(m.getOrgId(), m.getOrgPath(), m.getType().name(), month, 1);
    m.countedIn(month);
    List<AttendanceRow> rows = attendance.of(id);
    if (m.getType() == MeetingType.PARTY_LECTURE) {
      training.creditLecture(
          m.getId(),
          m.getHeldOn(),
          m.getTrainingTenths(),
          rows.stream()
              .filter(a -> Boolean.TRUE.equals(a.present()))
              .map(AttendanceRow::memberId)
              .toList());
    }
    publishRecord(EventTypes.ORGLIFE_MEETING_APPROVED, m, rows, "");
    return m;
  }

  @Transactional
  public Meeting returnRecord(
      UUID id, long version, String reason, DataScope scope, String reviewer) {
    Meeting m = reviewable(id, version, scope, reviewer);
    m.moveTo(MeetingStatus.RETURNED, clock.instant());
    m.reviewed(reviewer, reason.strip(), clock.instant());
    publishRecord(EventTypes.ORGLIFE_MEETING_RETURNED, m, attendance.of(id), reason.strip());
    return m;
  }

  @Transactional
  public Meeting archive(UUID id, long version, DataScope scope) {
    Meeting m = writable(id, version, scope);
    m.moveTo(MeetingStatus.ARCHIVED, clock.instant());
    return m;
  }

  /**
   * A correction after approval: the approved version is kept in the audit trail, the record
   * becomes version n+1 and goes back to the superior org; until approved again it does not count.
   */
  @Transactional
  public Meeting correct(
      UUID id, long version, String reason, RecordMeeting r, DataScope scope, String by) {
    Meeting m = writable(id, version, scope);
    if (m.getStatus() != MeetingStatus.APPROVED && m.getStatus() != MeetingStatus.ARCHIVED) {
      throw ProblemException.businessRule(
          "only-approved-records-are-corrected", "meeting.rule.correct-only-approved");
    }
    revisions.save(
        m.getId(),
        m.getRecordVersion(),
        json.writeValueAsString(view(m)),
        reason.strip(),
        by,
        clock.instant());
    if (m.getCountedMonth() != null) {
      counts.add(m.getOrgId(), m.getOrgPath(), m.getType().name(), m.getCountedMonth(), -1);
      m.countedIn(null);
    }
    m.moveTo(MeetingStatus.SUBMITTED, clock.instant());
    List<AttendanceRow> rows = applyRecord(m, r, by);
    m.nextRecordVersion();
    m.submitted(by, clock.instant());
    runChecks(m, rows);
    publishRecord(EventTypes.ORGLIFE_MEETING_CORRECTED, m, rows, reason.strip());
    return m;
  }

  @Transactional(readOnly = true)
  public Meeting get(UUID id, DataScope scope) {
    Meeting m = meetings.findById(id).orElseThrow(() -> notFound(id));
    if (scope.kind() == DataScope.Kind.SELF) {
      boolean listed =
          attendance.of(id).stream().anyMatch(a -> a.memberId().equals(scope.selfMemberId()));
      if (!listed) {
        throw notFound(id);
      }
    } else if (!scope.coversPath(m.getOrgPath())) {
      throw notFound(id);
    }
    return m;
  }

  @Transactional(readOnly = true)
  public MeetingView view(UUID id, DataScope scope) {
    return view(get(id, scope));
  }

  @Transactional(readOnly = true)
  public List<RevisionView> revisions(UUID id, DataScope scope) {
    get(id, scope);
    return revisions.of(id);
  }

  @Transactional(readOnly = true)
  public Page<MeetingSummary> search(
      DataScope scope,
      UUID orgId,
      MeetingType type,
      MeetingStatus status,
      LocalDate from,
      LocalDate to,
      Pageable pageable) {
    Page<Meeting> page =
        switch (scope.kind()) {
          case NOTHING -> Page.empty(pageable);
          case SELF ->
              meetings.attendedBy(
                  Uuids.bytes(scope.selfMemberId()),
                  org.springframework.data.domain.PageRequest.of(
                      pageable.getPageNumber(), pageable.getPageSize()));
          case ALL, SUBTREE ->
              meetings.search(scope.pathPrefix(), orgId, type, status, from, to, pageable);
        };
    Map<UUID, Integer> flags =
        formalism.flagCounts(page.getContent().stream().map(Meeting::getId).toList());
    return page.map(m -> summary(m, flags.getOrDefault(m.getId(), 0)));
  }

  MeetingView view(Meeting m) {
    return new MeetingView(
        m.getId(),
        m.getOrgId(),
        m.getOrgType(),
        m.getType(),
        m.getType().label(),
        m.getStatus(),
        m.getStatus().label(),
        m.getTitle(),
        m.getStartsAt(),
        m.getEndsAt(),
        m.getHeldOn(),
        m.getPlace(),
        m.getNotice(),
        m.getAgenda(),
        m.getMinutes(),
        m.getTheme(),
        m.getLecturer(),
        m.getTopic(),
        m.getHostMemberId(),
        m.getRecorderMemberId(),
        m.getExpectedCount(),
        m.getActualCount(),
        m.getVotingEntitled(),
        BigDecimal.valueOf(m.getTrainingTenths(), 1),
        m.getRecordVersion(),
        m.getPlannedBy(),
        m.getRecordedBy(),
        m.getFirstRecordedAt(),
        m.getSubmittedBy(),
        m.getSubmittedAt(),
        m.getReviewedBy(),
        m.getReviewedAt(),
        m.getReviewComment(),
        attendance.of(m.getId()).stream().map(AttendanceView::of).toList(),
        resolutions.of(m.getId()),
        formalism.flagsOf(m.getId()),
        m.getVersion());
  }

  static MeetingSummary summary(Meeting m, int flags) {
    return new MeetingSummary(
        m.getId(),
        m.getOrgId(),
        m.getType(),
        m.getType().label(),
        m.getStatus(),
        m.getStatus().label(),
        m.getTitle(),
        m.getStartsAt(),
        m.getEndsAt(),
        m.getHeldOn(),
        m.getExpectedCount(),
        m.getActualCount(),
        m.getRecordVersion(),
        flags,
        m.getVersion());
  }

  // --- record

  private List<AttendanceRow> applyRecord(Meeting m, RecordMeeting r, String by) {
    MeetingRules.checkTimes(r.startsAt(), r.endsAt());
    MeetingRules.checkHeld(r.startsAt(), LocalDateTime.now(clock.withZone(properties.getZone())));
    MeetingRules.checkTypeFields(m.getType(), r.theme(), r.lecturer(), r.topic());
    List<ResolutionInput> inputs = r.resolutions() == null ? List.of() : r.resolutions();
    MeetingRules.checkResolutionsAllowed(m.getType(), inputs.size());
    LocalDate date = r.startsAt().toLocalDate();
    ProjectedOrg org = projection.org(m.getOrgId()).orElseThrow(() -> notFound(m.getId()));

    List<Expected> expected;
    if (m.getType().namedRoster()) {
      // the roster named at planning, re-checked against the register on the meeting date
      List<UUID> named =
          attendance.of(m.getId()).stream()
              .filter(AttendanceRow::expected)
              .map(AttendanceRow::memberId)
              .toList();
      expected = roster(m.getType(), org, named, date);
    } else {
      expected = roster(m.getType(), org, null, date);
    }
    List<UUID> absentIds = r.absentees().stream().map(Absentee::memberId).toList();
    MeetingRules.checkAttendance(
        expected.stream().map(Expected::memberId).toList(), r.attendees(), absentIds);

    Map<UUID, Expected> byId =
        expected.stream().collect(Collectors.toMap(Expected::memberId, Function.identity()));
    Set<UUID> present = new HashSet<>(r.attendees());
    List<AttendanceRow> rows = new ArrayList<>();
    for (Expected e : expected) {
      if (present.contains(e.memberId())) {
        rows.add(new AttendanceRow(e.memberId(), true, e.canVote(), true, null, false, null));
      }
    }
    for (Absentee a : r.absentees()) {
      rows.add(
          new AttendanceRow(
              a.memberId(),
              true,
              byId.get(a.memberId()).canVote(),
              false,
              a.reason(),
              a.excluded(),
              trim(a.note())));
    }
    Set<UUID> guests = new LinkedHashSet<>(r.guests() == null ? List.of() : r.guests());
    for (UUID g : guests) {
      if (byId.containsKey(g)) {
        throw ProblemException.businessRule(
            "guest-is-an-expected-attendee", "meeting.rule.guest-is-expected", g);
      }
      ProjectedMember pm =
          projection
              .member(g)
              .filter(x -> x.active() && x.admitted())
              .orElseThrow(
                  () ->
                      ProblemException.businessRule(
                          "guest-is-not-a-member", "meeting.rule.guest-not-member", g));
      rows.add(new AttendanceRow(pm.memberId(), false, false, true, null, false, null));
    }
    Set<UUID> attending = new HashSet<>(present);
    attending.addAll(guests);
    if (!attending.contains(r.hostMemberId()) || !attending.contains(r.recorderMemberId())) {
      throw ProblemException.businessRule(
          "host-and-recorder-attend", "meeting.rule.host-and-recorder-attend");
    }

    int entitled = (int) expected.stream().filter(Expected::canVote).count();
    int excluded =
        (int)
            r.absentees().stream()
                .filter(a -> a.excluded() && byId.get(a.memberId()).canVote())
                .count();
    int presentVoters =
        (int) expected.stream().filter(e -> e.canVote() && present.contains(e.memberId())).count();
    List<ResolutionView> resolutionViews = new ArrayList<>();
    int seq = 1;
    for (ResolutionInput in : inputs) {
      MeetingRules.checkVote(
          entitled, excluded, presentVoters, in.approve(), in.oppose(), in.abstain());
      resolutionViews.add(
          new ResolutionView(
              seq++,
              in.title().strip(),
              trim(in.decision()),
              entitled,
              excluded,
              presentVoters,
              in.approve(),
              in.oppose(),
              in.abstain()));
    }

    int tenths = 0;
    if (m.getType() == MeetingType.PARTY_LECTURE) {
      tenths =
          r.trainingHours() != null
              ? r.trainingHours().movePointRight(1).intValueExact()
              : MeetingRules.lectureTenths(r.startsAt(), r.endsAt());
    }
    m.record(
        r.title().strip(),
        r.startsAt(),
        r.endsAt(),
        r.place().strip(),
        trim(r.agenda()),
        r.minutes().strip(),
        trim(r.theme()),
        trim(r.lecturer()),
        trim(r.topic()),
        r.hostMemberId(),
        r.recorderMemberId(),
        expected.size(),
        present.size(),
        entitled - excluded,
        tenths,
        MinHash.signature(r.minutes()),
        by,
        clock.instant());
    attendance.replace(m.getId(), rows);
    resolutions.replace(m.getId(), resolutionViews);
    return rows;
  }

  private void runChecks(Meeting m, List<AttendanceRow> rows) {
    if (m.getMinutes() == null || m.getFirstRecordedAt() == null) {
      throw ProblemException.businessRule(
          "submit-needs-a-record", "meeting.rule.submit-needs-record");
    }
    Set<UUID> present =
        rows.stream()
            .filter(a -> a.expected() && Boolean.TRUE.equals(a.present()))
            .map(AttendanceRow::memberId)
            .collect(Collectors.toSet());
    formalism.check(
        new FormalismChecker.Submitted(
            m.getId(),
            m.getOrgId(),
            m.getOrgPath(),
            m.getParentPath(),
            m.getType().name(),
            m.getStartsAt(),
            m.getEndsAt(),
            m.getHeldOn(),
            m.getRecordVersion(),
            m.getExpectedCount(),
            present,
            m.getMinutes(),
            m.getMinhash(),
            m.getFirstRecordedAt()));
  }

  private void publishRecord(String type, Meeting m, List<AttendanceRow> rows, String reason) {
    List<UUID> attendees =
        rows.stream()
            .filter(a -> a.expected() && Boolean.TRUE.equals(a.present()))
            .map(AttendanceRow::memberId)
            .toList();
    List<MeetingRecordChanged.Absentee> absentees =
        rows.stream()
            .filter(a -> a.expected() && Boolean.FALSE.equals(a.present()))
            .map(a -> new MeetingRecordChanged.Absentee(a.memberId(), a.absenceReason().name()))
            .toList();
    events.publish(
        type,
        m.getId().toString(),
        m.getOrgPath(),
        new MeetingRecordChanged(
            m.getId(),
            m.getOrgId(),
            m.getOrgType(),
            m.getType().name(),
            m.getStatus().name(),
            m.getHeldOn(),
            m.getStartsAt(),
            m.getEndsAt(),
            m.getRecordVersion(),
            m.getExpectedCount(),
            m.getActualCount(),
            attendees,
            absentees,
            reason));
  }

  // --- scope and roster

  private List<Expected> roster(
      MeetingType type, ProjectedOrg org, List<UUID> named, LocalDate date) {
    boolean group = "PARTY_GROUP".equals(org.orgType());
    List<ProjectedMember> members = projection.membersOf(group ? org.parentId() : org.orgId());
    List<Expected> expected;
    if (type.namedRoster()) {
      expected =
          MeetingRules.namedRoster(
              named,
              members.stream()
                  .collect(Collectors.toMap(ProjectedMember::memberId, Function.identity())),
              date);
    } else {
      if (named != null && !named.isEmpty()) {
        throw ProblemException.businessRule(
            "roster-comes-from-the-register", "meeting.rule.roster-from-register", type.label());
      }
      expected = MeetingRules.expectedAttendees(members, date);
    }
    if (expected.isEmpty()) {
      throw ProblemException.businessRule(
          "meeting-has-no-expected-attendees", "meeting.rule.no-expected-attendees");
    }
    return expected;
  }

  private static void checkOrgType(MeetingType type, ProjectedOrg org) {
    boolean ok =
        type == MeetingType.GROUP_MEETING
            ? "PARTY_GROUP".equals(org.orgType())
            : BRANCH_TYPES.contains(org.orgType());
    if (!ok) {
      throw ProblemException.businessRule(
          "meeting-type-not-held-by-this-org", "meeting.rule.type-not-for-org", type.label());
    }
  }

  private ProjectedOrg writableOrg(UUID orgId, DataScope scope) {
    ProjectedOrg org =
        projection
            .org(orgId)
            .filter(o -> scope.coversPath(o.path()))
            .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
    if (org.dissolved()) {
      throw ProblemException.businessRule("org-is-dissolved", "meeting.rule.org-dissolved");
    }
    return org;
  }

  private Meeting writable(UUID id, long version, DataScope scope) {
    Meeting m = meetings.findById(id).orElseThrow(() -> notFound(id));
    if (!scope.coversPath(m.getOrgPath())) {
      throw notFound(id);
    }
    checkVersion(m, version);
    return m;
  }

  private Meeting reviewable(UUID id, long version, DataScope scope, String reviewer) {
    Meeting m = writable(id, version, scope);
    MeetingRules.checkReviewer(
        scope.kind() == DataScope.Kind.ALL,
        scope.pathPrefix(),
        m.getOrgPath(),
        reviewer,
        m.getRecordedBy(),
        m.getSubmittedBy());
    return m;
  }

  private static void checkVersion(Meeting m, long version) {
    if (m.getVersion() != version) {
      throw ProblemException.preconditionFailed();
    }
  }

  static String parentPath(String path) {
    String trimmed = path.substring(0, path.length() - 1);
    int cut = trimmed.lastIndexOf('/');
    return cut <= 0 ? path : trimmed.substring(0, cut + 1);
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("meeting.not-found", id);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
