package cn.dangjian.member.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountGrantRulesTest {

  @Test
  void secretaryGrantsOnlyMemberAndPartyWorker() {
    assertThat(AccountGrantRules.grantable(Set.of("secretary")))
        .containsExactlyInAnyOrder(AccountRole.MEMBER, AccountRole.PARTY_WORKER);
    assertThatThrownBy(
            () -> AccountGrantRules.checkGrant(Set.of("secretary"), AccountRole.SECRETARY, false))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void platformAdminGrantsTheThreeManagedRoles() {
    assertThat(AccountGrantRules.grantable(Set.of("platform-admin")))
        .isEqualTo(EnumSet.allOf(AccountRole.class));
  }

  @Test
  void partyWorkersAndMembersGrantNothing() {
    assertThat(AccountGrantRules.grantable(Set.of("party-worker", "member"))).isEmpty();
  }

  @Test
  void nobodyRaisesTheirOwnAccountAboveWhatTheyHave() {
    assertThatThrownBy(
            () ->
                AccountGrantRules.checkGrant(
                    Set.of("secretary", "member"), AccountRole.PARTY_WORKER, true))
        .isInstanceOf(ProblemException.class);
    AccountGrantRules.checkGrant(Set.of("secretary", "member"), AccountRole.MEMBER, true);
  }

  @Test
  void officerAccountsAreChangedOnlyByPlatformAdmins() {
    assertThatThrownBy(
            () -> AccountGrantRules.checkChange(Set.of("secretary"), Set.of("party-worker")))
        .isInstanceOf(ProblemException.class);
    AccountGrantRules.checkChange(Set.of("platform-admin"), Set.of("party-worker"));
    AccountGrantRules.checkChange(
        Set.of("secretary"), Set.of("member", "default-roles-dangjian", "offline_access"));
  }

  @Test
  void accountsWithUnmanagedRolesAreNeverChanged() {
    assertThatThrownBy(
            () ->
                AccountGrantRules.checkChange(
                    Set.of("platform-admin"), Set.of("member", "platform-admin")))
        .isInstanceOf(ProblemException.class);
  }
}
