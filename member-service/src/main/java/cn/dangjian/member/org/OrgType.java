package cn.dangjian.member.org;

import java.util.Set;

/** Levels of Party organisation (DOMAIN.md §1.1) and which may sit under which. */
public enum OrgType {
  /** 基层党委 (and committees above it: the tree's upper levels). */
  PARTY_COMMITTEE("党委"),
  /** 党总支. */
  GENERAL_BRANCH("党总支"),
  /** 党支部. */
  BRANCH("党支部"),
  /** 联合党支部: units with fewer than 3 formal members (covers ≤5 units). */
  JOINT_BRANCH("联合党支部"),
  /** 临时党支部: members keep their relationship elsewhere; no recruiting, dues or elections. */
  TEMPORARY_BRANCH("临时党支部"),
  /** 党小组. */
  PARTY_GROUP("党小组");

  private final String label;

  OrgType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Branch-level organisations hold members' organisational relationships. */
  public boolean holdsMemberRelationships() {
    return this == BRANCH || this == JOINT_BRANCH;
  }

  public Set<OrgType> allowedChildren() {
    return switch (this) {
      case PARTY_COMMITTEE ->
          Set.of(PARTY_COMMITTEE, GENERAL_BRANCH, BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH);
      case GENERAL_BRANCH -> Set.of(BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH);
      case BRANCH, JOINT_BRANCH -> Set.of(PARTY_GROUP);
      case TEMPORARY_BRANCH, PARTY_GROUP -> Set.of();
    };
  }
}
