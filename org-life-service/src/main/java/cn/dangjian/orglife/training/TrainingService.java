package cn.dangjian.orglife.training;

import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.directory.CommitteeDirectory;
import cn.dangjian.orglife.training.TrainingRules.Role;
import cn.dangjian.orglife.training.TrainingRules.StudyCredit;
import cn.dangjian.orglife.training.TrainingRules.YearStatus;
import cn.dangjian.orglife.training.TrainingViews.CourseView;
import cn.dangjian.orglife.training.TrainingViews.LessonView;
import cn.dangjian.orglife.training.TrainingViews.MemberYear;
import cn.dangjian.orglife.training.TrainingViews.OrgYear;
import cn.dangjian.orglife.training.TrainingViews.StudyView;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Courses, the micro-lesson catalogue and studies, and members' yearly hours. */
@Service
public class TrainingService {

  private final TrainingStore store;
  private final TrainingLedger ledger;
  private final MemberProjection projection;
  private final CommitteeDirectory committees;
  private final OrgLifeProperties properties;
  private final Clock clock;

  TrainingService(
      TrainingStore store,
      TrainingLedger ledger,
      MemberProjection projection,
      CommitteeDirectory committees,
      OrgLifeProperties properties,
      Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.projection = projection;
    this.committees = committees;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public CourseView course(
      UUID orgId,
      TrainingKind kind,
      String title,
      String provider,
      LocalDate startOn,
      LocalDate endOn,
      BigDecimal hours,
      List<UUID> memberIds,
      DataScope scope,
      String by) {
    if (kind != TrainingKind.CONCENTRATED && kind != TrainingKind.ROTATION) {
      throw ProblemException.badRequest("training.rule.course-kind");
    }
    ProjectedOrg org = org(orgId, scope);
    int tenths = TrainingRules.courseTenths(hours, startOn, endOn);
    if (endOn.isAfter(today())) {
      throw ProblemException.businessRule(
          "training-is-credited-after-it-ends", "training.rule.study-in-future");
    }
    List<ProjectedMember> members = new ArrayList<>();
    for (UUID id : new LinkedHashSet<>(memberIds)) {
      members.add(memberInScope(id, scope));
    }
    UUID id = UuidV7.next();
    store.insertCourse(
        id,
        org.orgId(),
        org.path(),
        kind,
        title.strip(),
        provider == null ? null : provider.strip(),
        startOn,
        endOn,
        tenths,
        by,
        clock.instant());
    for (ProjectedMember m : members) {
      ledger.credit(m, kind, id, endOn, tenths, tenths);
    }
    return new CourseView(
        id,
        org.orgId(),
        kind,
        title.strip(),
        provider,
        startOn,
        endOn,
        TrainingRules.hours(tenths),
        members.stream().map(ProjectedMember::memberId).toList());
  }

  @Transactional
  public LessonView lesson(
      UUID orgId,
      String title,
      String summary,
      int durationMinutes,
      BigDecimal hours,
      DataScope scope,
      String by) {
    ProjectedOrg org = org(orgId, scope);
    int tenths = TrainingRules.tenths(hours);
    UUID id = UuidV7.next();
    store.insertLesson(
        id,
        org.orgId(),
        org.path(),
        title.strip(),
        summary,
        durationMinutes,
        tenths,
        by,
        clock.instant());
    return new LessonView(
        id, org.orgId(), title.strip(), summary, durationMinutes, TrainingRules.hours(tenths));
  }

  /** Lessons open to the caller: published by its org, an org above it, or one in its subtree. */
  @Transactional(readOnly = true)
  public List<LessonView> lessons(DataScope scope) {
    return store.lessons(callerPath(scope));
  }

  @Transactional
  public StudyView study(
      UUID lessonId, UUID memberId, LocalDate on, int minutesWatched, DataScope scope) {
    if (scope.kind() == DataScope.Kind.SELF && !scope.selfMemberId().equals(memberId)) {
      throw ProblemException.forbidden("training.rule.self-only");
    }
    if (on.isAfter(today())) {
      throw ProblemException.businessRule("study-date-in-future", "training.rule.study-in-future");
    }
    ProjectedMember member =
        scope.kind() == DataScope.Kind.SELF
            ? projection
                .member(memberId)
                .filter(m -> m.active() && m.admitted())
                .orElseThrow(
                    () -> ProblemException.notFound("training.rule.member-not-in-scope", memberId))
            : memberInScope(memberId, scope);
    TrainingStore.Lesson lesson =
        store
            .activeLesson(lessonId)
            .filter(l -> related(member.orgPath(), l.orgPath()))
            .orElseThrow(
                () -> ProblemException.notFound("training.rule.lesson-not-found", lessonId));
    // serialise a member's studies so that two at once cannot both take the day's room
    store.lockMember(memberId);
    int capTenths = TrainingRules.tenths(properties.training().microLessonDailyCapHours());
    StudyCredit credit =
        TrainingRules.microLessonCredit(
            lesson.hoursTenths(),
            lesson.durationMinutes(),
            minutesWatched,
            ledger.credited(memberId, TrainingKind.MICRO_LESSON, lessonId),
            store.microLessonTenthsOn(memberId, on),
            capTenths);
    UUID id = UuidV7.next();
    store.insertStudy(id, lessonId, memberId, on, minutesWatched, credit, clock.instant());
    if (credit.creditedTenths() > 0) {
      ledger.credit(
          member,
          TrainingKind.MICRO_LESSON,
          lessonId,
          on,
          lesson.hoursTenths(),
          credit.creditedTenths());
    }
    return new StudyView(
        id,
        lessonId,
        memberId,
        on,
        minutesWatched,
        TrainingRules.hours(credit.creditedTenths()),
        credit.outcome(),
        TrainingRules.hours(ledger.yearTenths(memberId, on.getYear())));
  }

  @Transactional(readOnly = true)
  public MemberYear memberYear(UUID requested, int year, DataScope scope) {
    UUID memberId = requested;
    if (scope.kind() == DataScope.Kind.SELF) {
      if (!scope.selfMemberId().equals(requested)) {
        throw ProblemException.notFound("member.not-found", requested);
      }
    } else {
      ProjectedMember m =
          projection
              .member(requested)
              .filter(x -> scope.coversPath(x.orgPath()))
              .orElseThrow(() -> ProblemException.notFound("member.not-found", requested));
      memberId = m.memberId();
    }
    Role role = roleOf(memberId, year);
    YearStatus status =
        TrainingRules.yearStatus(
            role,
            ledger.yearTenths(memberId, year),
            ledger.rotations(memberId, year),
            properties.training().memberYearlyHours(),
            properties.training().cadreYearlyHours(),
            properties.training().secretaryYearlyRotations());
    Map<TrainingKind, BigDecimal> byKind = new java.util.EnumMap<>(TrainingKind.class);
    ledger.yearByKind(memberId, year).forEach((k, v) -> byKind.put(k, TrainingRules.hours(v)));
    return new MemberYear(
        memberId,
        year,
        role,
        TrainingRules.hours(status.creditedTenths()),
        TrainingRules.hours(status.requiredTenths()),
        status.rotations(),
        status.requiredRotations(),
        status.met(),
        byKind);
  }

  @Transactional(readOnly = true)
  public OrgYear orgYear(UUID orgId, int year, DataScope scope) {
    ProjectedOrg org = org(orgId, scope);
    List<ProjectedMember> members =
        projection.membersUnder(org.path()).stream()
            .filter(m -> m.active() && m.admitted())
            .toList();
    List<UUID> ids = members.stream().map(ProjectedMember::memberId).toList();
    Map<UUID, int[]> totals = ledger.yearTotals(ids, year);
    Set<UUID> secretaries = committees.secretariesAmong(ids);
    Set<UUID> committee = committees.committeeMembersAmong(ids, year);
    List<MemberYear> short_ = new ArrayList<>();
    int met = 0;
    for (UUID id : ids) {
      Role role =
          secretaries.contains(id)
              ? Role.SECRETARY
              : committee.contains(id) ? Role.COMMITTEE_MEMBER : Role.MEMBER;
      int[] t = totals.getOrDefault(id, new int[2]);
      YearStatus s =
          TrainingRules.yearStatus(
              role,
              t[0],
              t[1],
              properties.training().memberYearlyHours(),
              properties.training().cadreYearlyHours(),
              properties.training().secretaryYearlyRotations());
      if (s.met()) {
        met++;
      } else if (short_.size() < 500) {
        short_.add(
            new MemberYear(
                id,
                year,
                role,
                TrainingRules.hours(s.creditedTenths()),
                TrainingRules.hours(s.requiredTenths()),
                s.rotations(),
                s.requiredRotations(),
                false,
                Map.of()));
      }
    }
    return new OrgYear(org.orgId(), year, ids.size(), met, short_);
  }

  private Role roleOf(UUID memberId, int year) {
    if (!committees.secretariesAmong(List.of(memberId)).isEmpty()) {
      return Role.SECRETARY;
    }
    if (!committees.committeeMembersAmong(List.of(memberId), year).isEmpty()) {
      return Role.COMMITTEE_MEMBER;
    }
    return Role.MEMBER;
  }

  /** A member may study a lesson published at, above or below their org. */
  private static boolean related(String memberPath, String lessonPath) {
    return memberPath.startsWith(lessonPath) || lessonPath.startsWith(memberPath);
  }

  private ProjectedOrg org(UUID orgId, DataScope scope) {
    return projection
        .org(orgId)
        .filter(o -> scope.coversPath(o.path()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }

  private ProjectedMember memberInScope(UUID id, DataScope scope) {
    return projection
        .member(id)
        .filter(m -> m.active() && m.admitted() && scope.coversPath(m.orgPath()))
        .orElseThrow(
            () ->
                ProblemException.businessRule(
                    "member-not-in-scope", "training.rule.member-not-in-scope", id));
  }

  private String callerPath(DataScope scope) {
    return switch (scope.kind()) {
      case ALL -> null;
      case SUBTREE -> scope.pathPrefix();
      case SELF ->
          projection.member(scope.selfMemberId()).map(ProjectedMember::orgPath).orElse("/none/");
      case NOTHING -> "/none/";
    };
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }
}
