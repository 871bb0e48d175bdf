package cn.dangjian.orglife.meeting;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Loads a meeting (or the org a meeting is planned for) for one caller: out of scope is not found,
 * a stale version is a failed precondition, a review must come from the superior org.
 */
@Component
class MeetingAccess {

  private final MeetingRepository meetings;
  private final AttendanceStore attendance;
  private final MemberProjection projection;

  MeetingAccess(
      MeetingRepository meetings, AttendanceStore attendance, MemberProjection projection) {
    this.meetings = meetings;
    this.attendance = attendance;
    this.projection = projection;
  }

  /** A meeting the caller may read: in scope, or (self service) one they are listed at. */
  Meeting visible(UUID id, DataScope scope) {
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

  Meeting writable(UUID id, long version, DataScope scope) {
    Meeting m = meetings.findById(id).orElseThrow(() -> notFound(id));
    if (!scope.coversPath(m.getOrgPath())) {
      throw notFound(id);
    }
    if (m.getVersion() != version) {
      throw ProblemException.preconditionFailed();
    }
    return m;
  }

  Meeting reviewable(UUID id, long version, DataScope scope, String reviewer) {
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

  /** The org a new meeting is planned for: in scope and not dissolved. */
  ProjectedOrg writableOrg(UUID orgId, DataScope scope) {
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

  /** The org of an existing meeting (a meeting whose org the projection lost is not found). */
  ProjectedOrg orgOf(Meeting m) {
    return projection.org(m.getOrgId()).orElseThrow(() -> notFound(m.getId()));
  }

  static ProblemException notFound(UUID id) {
    return ProblemException.notFound("meeting.not-found", id);
  }
}
