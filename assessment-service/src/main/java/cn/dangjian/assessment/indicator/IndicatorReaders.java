package cn.dangjian.assessment.indicator;

import cn.dangjian.assessment.Access;
import cn.dangjian.platform.security.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who reads an indicator system: platform-wide callers; those whose subtree holds its owner (the
 * committee that wrote it and those above); and the orgs it applies to — everyone whose own org
 * lies below the owner. A branch of another county, an assessor or member outside it, sees nothing.
 */
@Component
class IndicatorReaders {

  /**
   * What one caller reads, by the owner's materialised path.
   *
   * @param everything platform-wide callers
   * @param own the caller's own org path (owners inside it are readable), or null for nothing
   * @param above the paths of every org above the caller's (their systems apply to the caller)
   */
  record Scope(boolean everything, String own, List<String> above) {

    boolean nothing() {
      return !everything && own == null;
    }

    boolean reads(String ownerPath) {
      return ownerPath != null
          && (everything
              || (own != null && (ownerPath.startsWith(own) || above.contains(ownerPath))));
    }
  }

  private final Access access;

  IndicatorReaders(Access access) {
    this.access = access;
  }

  Scope ofCaller() {
    if (access.caller().platformWide() || access.caller().hasRole(Roles.INTEGRATION)) {
      return new Scope(true, null, List.of());
    }
    return access
        .caller()
        .orgId()
        .flatMap(id -> access.projection().org(id))
        .map(org -> IndicatorRules.selfAndAncestors(org.path()))
        .filter(paths -> !paths.isEmpty())
        .map(paths -> new Scope(false, paths.get(0), paths.subList(1, paths.size())))
        .orElse(new Scope(false, null, List.of()));
  }
}
