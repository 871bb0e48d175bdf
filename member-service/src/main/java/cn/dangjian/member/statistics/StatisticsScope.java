package cn.dangjian.member.statistics;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which subtree a caller asks about and may see, from the statistics' own org records: an org the
 * caller does not cover is "not found", as everywhere else; members see no statistics.
 */
@Component
class StatisticsScope {

  /** An org as the statistics know it. */
  record OrgRef(UUID id, String path, String name, String orgType) {}

  private final OrgRefQueries orgs;

  StatisticsScope(OrgRefQueries orgs) {
    this.orgs = orgs;
  }

  /** The org asked about, or by default the caller's own org (the root for the platform). */
  OrgRef resolve(@Nullable UUID orgId, Caller caller, DataScope scope) {
    if (scope.kind() == DataScope.Kind.SELF || scope.kind() == DataScope.Kind.NOTHING) {
      throw ProblemException.forbidden("statistics.not-for-members");
    }
    UUID wanted = orgId;
    if (wanted == null) {
      wanted = caller.orgId().orElse(null);
    }
    if (wanted == null) {
      List<OrgRef> roots = orgs.roots();
      if (roots.size() != 1) {
        throw ProblemException.badRequest("statistics.org-required");
      }
      return roots.get(0);
    }
    UUID id = wanted;
    OrgRef org =
        orgs.byId(id).stream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("statistics.org-not-found", id));
    if (!scope.coversPath(org.path())) {
      throw ProblemException.notFound("statistics.org-not-found", id);
    }
    return org;
  }

  /** The org's direct children in the tree at the end of a month (rows of the annual tables). */
  List<OrgRef> children(OrgRef parent, YearMonth asOf) {
    return orgs.children(parent, asOf);
  }

  /** Current names of orgs (for lists). */
  Map<UUID, String> names(List<UUID> ids) {
    return orgs.names(ids);
  }

  /** Whether a caller's figures of people are subject to disclosure control. */
  static boolean forIntegrators(Caller caller) {
    return caller.hasRole(Roles.INTEGRATION) && !caller.platformWide();
  }
}
