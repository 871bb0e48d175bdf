package cn.dangjian.member.structure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.structure.StructureRules.Counts;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

  @Test
  void branchNeedsThreeFormalMembers() {
    assertThat(StructureRules.warnings(OrgType.BRANCH, new Counts(2, 5), false))
        .containsExactly("fewer-than-three-formal-members");
    assertThat(StructureRules.warnings(OrgType.BRANCH, new Counts(3, 3), false)).isEmpty();
  }

  @Test
  void committeeIsRequiredFromSevenFormalMembers() {
    assertThat(StructureRules.warnings(OrgType.BRANCH, new Counts(6, 6), false)).isEmpty();
    assertThat(StructureRules.warnings(OrgType.BRANCH, new Counts(7, 7), false))
        .containsExactly("committee-required");
    assertThat(StructureRules.warnings(OrgType.BRANCH, new Counts(7, 7), true)).isEmpty();
  }

  @Test
  void branchGenerallyHasAtMostFiftyMembers() {
    assertThat(StructureRules.warnings(OrgType.BRANCH, new Counts(40, 51), true))
        .containsExactly("more-than-fifty-members");
  }

  @Test
  void generalBranchGenerallyHasFiftyMembers() {
    assertThat(StructureRules.warnings(OrgType.GENERAL_BRANCH, new Counts(30, 49), false))
        .containsExactly("general-branch-below-fifty-members");
  }

  @Test
  void partyGroupsAndCommitteesGetNoBranchWarnings() {
    assertThat(StructureRules.warnings(OrgType.PARTY_GROUP, new Counts(0, 0), false)).isEmpty();
    assertThat(StructureRules.warnings(OrgType.PARTY_COMMITTEE, new Counts(0, 0), false)).isEmpty();
  }
}
