package cn.dangjian.member.org;

import cn.dangjian.platform.problem.ProblemException;

/** Where an organisation may be placed in the tree (DOMAIN.md §1.1–1.2). Plain rules, no Spring. */
public final class OrgTreeRules {

  /** Deep enough for 省→市→县→乡镇→党委→总支→支部→小组 with room to spare; bounded by the path column. */
  public static final int MAX_DEPTH = 16;

  private OrgTreeRules() {}

  /** A tree starts with a Party committee (e.g. a county committee's organisation department). */
  public static void checkRoot(OrgType type) {
    if (type != OrgType.PARTY_COMMITTEE) {
      throw ProblemException.businessRule(
          "root-must-be-party-committee", "org.rule.root-must-be-committee", type.label());
    }
  }

  public static void checkChild(Org parent, OrgType childType) {
    if (parent.getStatus() != OrgStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "parent-dissolved", "org.rule.parent-dissolved", parent.getName());
    }
    if (!parent.getOrgType().allowedChildren().contains(childType)) {
      throw ProblemException.businessRule(
          "child-type-not-allowed",
          "org.rule.child-type-not-allowed",
          parent.getOrgType().label(),
          childType.label());
    }
    if (parent.getDepth() + 1 > MAX_DEPTH) {
      throw ProblemException.businessRule("tree-too-deep", "org.rule.tree-too-deep", MAX_DEPTH);
    }
  }
}
