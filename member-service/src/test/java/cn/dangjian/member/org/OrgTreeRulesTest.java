package cn.dangjian.member.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrgTreeRulesTest {

  static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  @Test
  void treeStartsWithAPartyCommittee() {
    assertThatThrownBy(() -> Org.root("第一党支部", OrgType.BRANCH, NOW))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                assertThat(((ProblemException) e).properties())
                    .containsEntry("rule", "root-must-be-party-committee"));
  }

  @Test
  void childPathExtendsTheParentsPath() {
    Org committee = Org.root("城关镇党委", OrgType.PARTY_COMMITTEE, NOW);
    Org branch = committee.child("第一党支部", OrgType.BRANCH, NOW);
    Org group = branch.child("第一党小组", OrgType.PARTY_GROUP, NOW);

    assertThat(branch.getPath()).isEqualTo(committee.getPath() + branch.getId() + "/");
    assertThat(group.getPath()).startsWith(branch.getPath());
    assertThat(group.getDepth()).isEqualTo(3);
    assertThat(group.getParentId()).isEqualTo(branch.getId());
  }

  @Test
  void partyGroupsSitOnlyUnderBranches() {
    Org committee = Org.root("城关镇党委", OrgType.PARTY_COMMITTEE, NOW);
    assertThatThrownBy(() -> committee.child("第一党小组", OrgType.PARTY_GROUP, NOW))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void generalBranchHoldsBranchesButNotCommittees() {
    Org committee = Org.root("城关镇党委", OrgType.PARTY_COMMITTEE, NOW);
    Org general = committee.child("机关党总支", OrgType.GENERAL_BRANCH, NOW);
    assertThat(general.child("第一党支部", OrgType.BRANCH, NOW).getOrgType()).isEqualTo(OrgType.BRANCH);
    assertThatThrownBy(() -> general.child("下属党委", OrgType.PARTY_COMMITTEE, NOW))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void temporaryBranchHasNoSubOrganisations() {
    Org committee = Org.root("城关镇党委", OrgType.PARTY_COMMITTEE, NOW);
    Org temporary = committee.child("项目临时党支部", OrgType.TEMPORARY_BRANCH, NOW);
    assertThatThrownBy(() -> temporary.child("小组", OrgType.PARTY_GROUP, NOW))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void likePrefixEscapesWildcards() {
    assertThat(LikeEscaper.prefix("50%_党")).isEqualTo("50\\%\\_党");
    assertThat(LikeEscaper.prefix("  ")).isNull();
  }
}
