package cn.dangjian.orglife.talk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.orglife.talk.TalkRules.Pair;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TalkRulesTest {

  private final UUID c1 = UUID.randomUUID(), c2 = UUID.randomUUID(), c3 = UUID.randomUUID();
  private final UUID m1 = UUID.randomUUID(), m2 = UUID.randomUUID();

  @Test
  void talkCoverageNeedsEveryCommitteePairAndEachMemberWithACommitteeMemberAndAMember() {
    List<UUID> all = List.of(c1, c2, c3, m1, m2);
    var none = TalkRules.coverage(List.of(c1, c2, c3), all, List.of());
    assertThat(none.requiredCommitteePairs()).isEqualTo(3);
    assertThat(none.required()).isEqualTo(3 + 2 + 2);
    assertThat(none.rate()).isZero();

    var full =
        TalkRules.coverage(
            List.of(c1, c2, c3),
            all,
            List.of(
                Pair.of(c1, c2),
                Pair.of(c2, c3),
                Pair.of(c3, c1),
                Pair.of(m1, c1),
                Pair.of(c2, m2),
                Pair.of(m2, m1)));
    assertThat(full.missing()).isZero();
    assertThat(full.rate()).isEqualTo(1.0);
  }

  @Test
  void pairKindFollowsCommitteeMembership() {
    assertThat(TalkRules.kindOf(true, true)).isEqualTo(PairKind.COMMITTEE_COMMITTEE);
    assertThat(TalkRules.kindOf(false, true)).isEqualTo(PairKind.COMMITTEE_MEMBER);
    assertThat(TalkRules.kindOf(false, false)).isEqualTo(PairKind.MEMBER_MEMBER);
  }

  @Test
  void aBranchWithoutACommitteeOnlyNeedsMemberTalks() {
    var c = TalkRules.coverage(List.of(), List.of(m1, m2), List.of(Pair.of(m1, m2)));
    assertThat(c.required()).isEqualTo(2);
    assertThat(c.missing()).isZero();
  }
}
