package cn.dangjian.member.approval;

import cn.dangjian.member.approval.Approvals.Filter;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * The approvals list's filters as a query with only the predicates given; {@code awaitingMe} keeps
 * the requests whose current stage the caller speaks for (as {@link ApprovalRules#speaksFor} does
 * for one request).
 */
final class ApprovalSearch {

  private ApprovalSearch() {}

  static Specification<Approval> of(
      Filter f, Caller caller, DataScope scope, LocalDate today, int countyDepth) {
    return (root, query, cb) -> {
      List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
      scope.pathFilter().ifPresent(p -> where.add(cb.like(root.get("subjectOrgPath"), p + "%")));
      if (f.orgPathPrefix() != null) {
        where.add(cb.like(root.get("subjectOrgPath"), f.orgPathPrefix() + "%"));
      }
      if (f.status() != null) {
        where.add(cb.equal(root.get("status"), f.status()));
      }
      if (f.kind() != null) {
        where.add(cb.equal(root.get("kind"), f.kind()));
      }
      if (f.memberId() != null) {
        where.add(cb.equal(root.get("subjectMemberId"), f.memberId()));
      }
      if (f.overdue()) {
        where.add(cb.lessThan(root.get("dueOn"), today));
        where.add(cb.equal(root.get("status"), ApprovalStatus.PENDING));
      }
      if (f.awaitingMe()) {
        where.add(cb.equal(root.get("status"), ApprovalStatus.PENDING));
        List<jakarta.persistence.criteria.Predicate> mine = new ArrayList<>();
        if (caller.hasAnyRole(Roles.SECRETARY, Roles.PARTY_WORKER) && caller.orgId().isPresent()) {
          mine.add(
              cb.and(
                  root.get("currentBody")
                      .in(DecidingBody.PRIMARY_COMMITTEE, DecidingBody.HIGHER_COMMITTEE),
                  cb.equal(root.get("currentOrgId"), caller.orgId().get())));
        }
        if (caller.platformWide()) {
          mine.add(cb.equal(root.get("currentBody"), DecidingBody.COUNTY_ORG_DEPARTMENT));
        }
        if (caller.hasRole(Roles.DISCIPLINE_COMMISSION)
            && scope.kind() == DataScope.Kind.SUBTREE
            && ApprovalRules.depth(scope.pathPrefix()) <= countyDepth) {
          // the scope filter above already keeps the 纪委's subtree
          mine.add(cb.equal(root.get("currentBody"), DecidingBody.DISCIPLINE_COMMISSION));
        }
        where.add(
            mine.isEmpty()
                ? cb.disjunction()
                : cb.or(mine.toArray(jakarta.persistence.criteria.Predicate[]::new)));
      }
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
  }
}
