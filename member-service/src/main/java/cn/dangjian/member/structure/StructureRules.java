package cn.dangjian.member.structure;

import cn.dangjian.member.org.OrgType;
import java.util.ArrayList;
import java.util.List;

/**
 * Structural checks of DOMAIN.md §1.2 (ZB Art 4, ch.6; 国企/机关基层组织工作条例). The regulations say "一般", so
 * these are warnings on the org and events for alert-service, never refusals.
 */
public final class StructureRules {

  /** DZ Art 30; ZB Art 4: a branch needs at least three formal members. */
  public static final int BRANCH_MIN_FORMAL = 3;

  /** ZB ch.6: a branch committee is required from seven formal members. */
  public static final int COMMITTEE_FROM_FORMAL = 7;

  /** ZB Art 4: a branch generally has no more than fifty members. */
  public static final int BRANCH_MAX_MEMBERS = 50;

  /** A general branch generally has at least fifty members (fewer with approval). */
  public static final int GENERAL_BRANCH_MIN_MEMBERS = 50;

  private StructureRules() {}

  /** Counts of active admitted members: full members and all admitted (full + probationary). */
  public record Counts(int formalMembers, int admittedMembers) {}

  public static List<String> warnings(OrgType type, Counts counts, boolean hasCommittee) {
    List<String> warnings = new ArrayList<>();
    switch (type) {
      case BRANCH, JOINT_BRANCH -> {
        if (counts.formalMembers() < BRANCH_MIN_FORMAL) {
          warnings.add("fewer-than-three-formal-members");
        }
        if (counts.formalMembers() >= COMMITTEE_FROM_FORMAL && !hasCommittee) {
          warnings.add("committee-required");
        }
        if (counts.admittedMembers() > BRANCH_MAX_MEMBERS) {
          warnings.add("more-than-fifty-members");
        }
      }
      case GENERAL_BRANCH -> {
        if (counts.admittedMembers() < GENERAL_BRANCH_MIN_MEMBERS) {
          warnings.add("general-branch-below-fifty-members");
        }
      }
      default -> {
        // 党委 thresholds apply to 基层党委 only; the tree's upper committees share the type.
      }
    }
    return warnings;
  }
}
