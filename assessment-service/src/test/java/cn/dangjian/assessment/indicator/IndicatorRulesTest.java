package cn.dangjian.assessment.indicator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.assessment.indicator.IndicatorRules.Node;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorRulesTest {

  private static Node auto(String code, int weight) {
    return new Node(
        code,
        code,
        IndicatorKind.BASE,
        BigDecimal.valueOf(weight),
        ScoringMethod.AUTOMATIC,
        null,
        AutoSource.MEETING_COMPLIANCE,
        List.of());
  }

  private static Node manual(String code, IndicatorKind kind, int weight) {
    return new Node(
        code,
        code,
        kind,
        BigDecimal.valueOf(weight),
        ScoringMethod.MANUAL,
        ScorerKind.DEPARTMENT,
        null,
        List.of());
  }

  private static Node group(String code, int weight, Node... children) {
    return new Node(
        code,
        code,
        IndicatorKind.BASE,
        BigDecimal.valueOf(weight),
        null,
        null,
        null,
        List.of(children));
  }

  private static String rule(Throwable t) {
    return String.valueOf(((ProblemException) t).properties().get("rule"));
  }

  @Test
  void weightsOfAPublishedVersionMustAddUpTo100() {
    List<Node> ninety = List.of(auto("a", 40), manual("b", IndicatorKind.BASE, 50));
    assertThatThrownBy(() -> IndicatorRules.checkWeightsAddUp(ninety))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            t ->
                org.assertj.core.api.Assertions.assertThat(rule(t))
                    .isEqualTo("weights-must-add-up"));
    List<Node> hundred = List.of(auto("a", 40), manual("b", IndicatorKind.BASE, 60));
    assertThatCode(() -> IndicatorRules.checkWeightsAddUp(hundred)).doesNotThrowAnyException();
  }

  @Test
  void bonusAndPenaltyItemsDoNotCountTowardsTheHundred() {
    List<Node> tree =
        List.of(
            auto("a", 100),
            manual("bonus", IndicatorKind.BONUS, 5),
            manual("penalty", IndicatorKind.PENALTY, 10));
    assertThatCode(() -> IndicatorRules.checkWeightsAddUp(tree)).doesNotThrowAnyException();
  }

  @Test
  void aGroupsChildrenMustAddUpToItsWeight() {
    List<Node> tree = List.of(group("g", 100, auto("a", 30), auto("b", 60)));
    assertThatThrownBy(() -> IndicatorRules.checkWeightsAddUp(tree))
        .satisfies(
            t ->
                org.assertj.core.api.Assertions.assertThat(rule(t))
                    .isEqualTo("weights-must-add-up"));
  }

  @Test
  void aDraftMayBeIncompleteButEveryLeafNeedsAMethodAndAManualOneAScorer() {
    assertThatCode(() -> IndicatorRules.checkShape(List.of(auto("a", 40))))
        .doesNotThrowAnyException();
    Node noMethod =
        new Node("x", "x", IndicatorKind.BASE, BigDecimal.TEN, null, null, null, List.of());
    assertThatThrownBy(() -> IndicatorRules.checkShape(List.of(noMethod)))
        .satisfies(
            t ->
                org.assertj.core.api.Assertions.assertThat(rule(t)).isEqualTo("leaf-needs-method"));
    Node noScorer =
        new Node(
            "y",
            "y",
            IndicatorKind.BASE,
            BigDecimal.TEN,
            ScoringMethod.MANUAL,
            null,
            null,
            List.of());
    assertThatThrownBy(() -> IndicatorRules.checkShape(List.of(noScorer)))
        .satisfies(
            t ->
                org.assertj.core.api.Assertions.assertThat(rule(t))
                    .isEqualTo("manual-needs-scorer"));
  }

  @Test
  void codesAreUniqueAndAutomaticScoringIsForBaseIndicatorsOnly() {
    assertThatThrownBy(() -> IndicatorRules.checkShape(List.of(auto("a", 10), auto("a", 20))))
        .satisfies(
            t ->
                org.assertj.core.api.Assertions.assertThat(rule(t))
                    .isEqualTo("indicator-code-unique"));
    Node autoBonus =
        new Node(
            "b",
            "b",
            IndicatorKind.BONUS,
            BigDecimal.ONE,
            ScoringMethod.AUTOMATIC,
            null,
            AutoSource.DUES_COLLECTION,
            List.of());
    assertThatThrownBy(() -> IndicatorRules.checkShape(List.of(autoBonus)))
        .satisfies(
            t ->
                org.assertj.core.api.Assertions.assertThat(rule(t))
                    .isEqualTo("automatic-only-base"));
  }

  @org.junit.jupiter.api.Test
  void anIndicatorSystemAppliesToItsOwnersOrgAndEveryOrgBelowIt() {
    org.assertj.core.api.Assertions.assertThat(IndicatorRules.selfAndAncestors("/a/b/c/"))
        .containsExactly("/a/b/c/", "/a/b/", "/a/");
    org.assertj.core.api.Assertions.assertThat(IndicatorRules.selfAndAncestors("/a/"))
        .containsExactly("/a/");
  }
}
