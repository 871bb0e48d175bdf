package cn.dangjian.orglife.training;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.directory.CommitteeDirectory;
import cn.dangjian.orglife.training.TrainingRules.Role;
import cn.dangjian.orglife.training.TrainingRules.StudyCredit;
import cn.dangjian.orglife.training.TrainingRules.YearStatus;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Courses, the micro-lesson catalogue and studies, and members' yearly hours. */
@Service
public class TrainingService {

  private final JdbcTemplate jdbc;
  private final TrainingLedger ledger;
  private final MemberProjection projection;
  private final CommitteeDirectory committees;
  private final OrgLifeProperties properties;
  private final Clock clock;

  TrainingService(
      JdbcTemplate jdbc,
      TrainingLedger ledger,
      MemberProjection projection,
      CommitteeDirectory committees,
      OrgLifeProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.projection = projection;
    this.committees = committees;
    this.properties = properties;
    this.clock = clock;
  }

  @Schema(description = "集中培训或书记轮训 (a course) 及记入学时的党员")
  public record CourseView(
      UUID id,
      UUID orgId,
      TrainingKind kind,
      String title,
      String provider,
      LocalDate startOn,
      LocalDate endOn,
      BigDecimal hours,
      List<UUID> creditedMemberIds) {}

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
    jdbc.update(
        "INSERT INTO training_course (id, org_id, org_path, kind, title, provider, start_on,"
            + " end_on, hours_tenths, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(org.orgId()),
        org.path(),
        kind.name(),
        title.strip(),
        provider == null ? null : provider.strip(),
        java.sql.Date.valueOf(startOn),
        java.sql.Date.valueOf(endOn),
        tenths,
        by,
        Timestamp.from(clock.instant()));
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

  @Schema(description = "微党课 (a micro-lesson)")
  public record LessonView(
      UUID id, UUID orgId, String title, String summary, int durationMinutes, BigDecimal hours) {}

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
    jdbc.update(
        "INSERT INTO micro_lesson (id, org_id, org_path, title, summary, duration_minutes,"
            + " hours_tenths, active, created_by, created_at) VALUES (?,?,?,?,?,?,?,TRUE,?,?)",
        bytes(id),
        bytes(org.orgId()),
        org.path(),
        title.strip(),
        summary,
        durationMinutes,
        tenths,
        by,
        Timestamp.from(clock.instant()));
    return new LessonView(
        id, org.orgId(), title.strip(), summary, durationMinutes, TrainingRules.hours(tenths));
  }

  /** Lessons open to the caller: published by its org, an org above it, or one in its subtree. */
  @Transactional(readOnly = true)
  public List<LessonView> lessons(DataScope scope) {
    String path = callerPath(scope);
    List<Object> args = new ArrayList<>();
    String where = "";
    if (path != null) {
      where = " WHERE (? LIKE CONCAT(org_path, '%') OR org_path LIKE ?)";
      args.add(path);
      args.add(path + "%");
    }
    return jdbc.query(
        "SELECT id, org_id, title, summary, duration_minutes, hours_tenths, org_path FROM"
            + " micro_lesson"
            + where
            + (where.isEmpty() ? " WHERE" : " AND")
            + " active = TRUE ORDER BY created_at DESC LIMIT 500",
        (rs, n) ->
            new LessonView(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                TrainingRules.hours(rs.getInt(6))),
        args.toArray());
  }

  @Schema(description = "一次微党课学习及记入的学时 (a study and its credit)")
  public record StudyView(
      UUID id,
      UUID lessonId,
      UUID memberId,
      LocalDate studiedOn,
      int minutesWatched,
      @Schema(description = "本次记入学时（每日上限、重复学习、未学完时为0或部分）") BigDecimal creditedHours,
      TrainingRules.StudyOutcome outcome,
      @Schema(description = "当年累计学时") BigDecimal yearTotalHours) {}

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
    List<Object[]> lesson =
        jdbc.query(
            "SELECT org_path, duration_minutes, hours_tenths FROM micro_lesson WHERE id = ? AND"
                + " active = TRUE",
            (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getInt(3)},
            (Object) bytes(lessonId));
    if (lesson.isEmpty()
        || !(member.orgPath().startsWith((String) lesson.get(0)[0])
            || ((String) lesson.get(0)[0]).startsWith(member.orgPath()))) {
      throw ProblemException.notFound("training.rule.lesson-not-found", lessonId);
    }
    // serialise a member's studies so that two at once cannot both take the day's room
    jdbc.queryForList(
        "SELECT member_id FROM proj_member WHERE member_id = ? FOR UPDATE",
        (Object) bytes(memberId));
    int capTenths = TrainingRules.tenths(properties.getTraining().getMicroLessonDailyCapHours());
    StudyCredit credit =
        TrainingRules.microLessonCredit(
            (int) lesson.get(0)[2],
            (int) lesson.get(0)[1],
            minutesWatched,
            ledger.credited(memberId, TrainingKind.MICRO_LESSON, lessonId),
            ledger.microLessonTenthsOn(memberId, on),
            capTenths);
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO lesson_study (id, lesson_id, member_id, studied_on, minutes_watched,"
            + " credited_tenths, outcome, created_at) VALUES (?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(lessonId),
        bytes(memberId),
        java.sql.Date.valueOf(on),
        minutesWatched,
        credit.creditedTenths(),
        credit.outcome().name(),
        Timestamp.from(clock.instant()));
    if (credit.creditedTenths() > 0) {
      ledger.credit(
          member,
          TrainingKind.MICRO_LESSON,
          lessonId,
          on,
          (int) lesson.get(0)[2],
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

  @Schema(description = "党员年度学时与要求 (a member's year against the requirement)")
  public record MemberYear(
      UUID memberId,
      int year,
      Role role,
      @Schema(description = "已记入学时") BigDecimal creditedHours,
      @Schema(description = "要求学时（党员32，书记和支委56）") BigDecimal requiredHours,
      @Schema(description = "书记轮训次数") int rotations,
      int requiredRotations,
      boolean met,
      Map<TrainingKind, BigDecimal> byKind) {}

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
            properties.getTraining().getMemberYearlyHours(),
            properties.getTraining().getCadreYearlyHours(),
            properties.getTraining().getSecretaryYearlyRotations());
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

  @Schema(description = "辖区党员年度学时达标情况 (the subtree's members against the requirement)")
  public record OrgYear(
      UUID orgId, int year, int members, int met, List<MemberYear> shortOfRequirement) {}

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
              properties.getTraining().getMemberYearlyHours(),
              properties.getTraining().getCadreYearlyHours(),
              properties.getTraining().getSecretaryYearlyRotations());
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
    return LocalDate.now(clock.withZone(properties.getZone()));
  }
}
