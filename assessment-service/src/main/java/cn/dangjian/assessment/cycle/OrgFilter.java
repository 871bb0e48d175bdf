package cn.dangjian.assessment.cycle;

import cn.dangjian.platform.scope.DataScope;

/**
 * Which orgs of a cycle a caller sees: an assessor only those assigned to it, anyone else those in
 * its data scope.
 *
 * @param assessor the assessor's username, or null for a caller seen through its scope
 * @param scope the caller's data scope (unused for an assessor)
 */
record OrgFilter(String assessor, DataScope scope) {

  static OrgFilter assessor(String username) {
    return new OrgFilter(username, null);
  }

  static OrgFilter scope(DataScope scope) {
    return new OrgFilter(null, scope);
  }

  boolean isAssessor() {
    return assessor != null;
  }
}
