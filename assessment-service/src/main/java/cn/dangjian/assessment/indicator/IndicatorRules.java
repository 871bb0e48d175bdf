package cn.dangjian.assessment.indicator;

import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Shape and weight rules of an indicator tree (plain, for unit tests). */
public final class IndicatorRules {

  public static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);
  static final int MAX_DEPTH = 4;
  static final int MAX_NODES = 300;

  private IndicatorRules() {}

  /** One node of a tree as entered. */
  public record Node(
      String code,
      String name,
      IndicatorKind kind,
      BigDecimal weight,
      ScoringMethod method,
      ScorerKind scorer,
      AutoSource source,
      List<Node> children) {

    public Node {
      children = children == null ? List.of() : List.copyOf(children);
    }

    boolean group() {
      return !children.isEmpty();
    }
  }

  /**
   * Checks what a draft must satisfy at any time: unique codes, bounded depth and size, a scoring
   * method on every leaf (a scorer for manual, a source for automatic), children only under base
   * indicators and of the same kind. Weights are checked at publish (a draft may be incomplete).
   */
  public static void checkShape(List<Node> roots) {
    Set<String> codes = new HashSet<>();
    int[] count = {0};
    for (Node root : roots) {
      shape(root, 1, codes, count, null);
    }
  }

  private static void shape(Node node, int depth, Set<String> codes, int[] count, Node parent) {
    if (++count[0] > MAX_NODES) {
      throw ProblemException.businessRule(
          "indicator-tree-too-large", "indicator.rule.too-large", MAX_NODES);
    }
    if (depth > MAX_DEPTH) {
      throw ProblemException.businessRule(
          "indicator-tree-too-deep", "indicator.rule.too-deep", MAX_DEPTH);
    }
    if (!codes.add(node.code())) {
      throw ProblemException.businessRule(
          "indicator-code-unique", "indicator.rule.code-unique", node.code());
    }
    if (node.weight().signum() < 0 || node.weight().compareTo(FULL_MARKS) > 0) {
      throw ProblemException.businessRule(
          "indicator-weight-range", "indicator.rule.weight-range", node.code());
    }
    if (parent != null && parent.kind() != node.kind()) {
      throw ProblemException.businessRule(
          "indicator-kind-of-parent", "indicator.rule.kind-of-parent", node.code());
    }
    if (node.group()) {
      if (node.method() != null && node.method() != ScoringMethod.GROUP) {
        throw ProblemException.businessRule(
            "group-has-no-method", "indicator.rule.group-has-no-method", node.code());
      }
      for (Node child : node.children()) {
        shape(child, depth + 1, codes, count, node);
      }
      return;
    }
    if (node.method() == null || node.method() == ScoringMethod.GROUP) {
      throw ProblemException.businessRule(
          "leaf-needs-method", "indicator.rule.leaf-needs-method", node.code());
    }
    if (node.method() == ScoringMethod.MANUAL && node.scorer() == null) {
      throw ProblemException.businessRule(
          "manual-needs-scorer", "indicator.rule.manual-needs-scorer", node.code());
    }
    if (node.method() == ScoringMethod.AUTOMATIC) {
      if (node.source() == null) {
        throw ProblemException.businessRule(
            "automatic-needs-source", "indicator.rule.automatic-needs-source", node.code());
      }
      if (node.kind() != IndicatorKind.BASE) {
        throw ProblemException.businessRule(
            "automatic-only-base", "indicator.rule.automatic-only-base", node.code());
      }
    }
  }

  /**
   * At publish: the base indicators' top-level weights add up to 100, each group's children add up
   * to the group's weight, every bonus / penalty item has a weight (its maximum).
   */
  public static void checkWeightsAddUp(List<Node> roots) {
    checkShape(roots);
    BigDecimal base = BigDecimal.ZERO;
    boolean anyBase = false;
    for (Node root : roots) {
      if (root.kind() == IndicatorKind.BASE) {
        base = base.add(root.weight());
        anyBase = true;
      }
      groups(root);
    }
    if (!anyBase || base.compareTo(FULL_MARKS) != 0) {
      throw ProblemException.businessRule(
          "weights-must-add-up",
          "indicator.rule.weights-add-up-top",
          base.stripTrailingZeros().toPlainString());
    }
  }

  private static void groups(Node node) {
    if (node.kind() != IndicatorKind.BASE && node.weight().signum() == 0) {
      throw ProblemException.businessRule(
          "bonus-penalty-needs-maximum", "indicator.rule.bonus-needs-max", node.code());
    }
    if (!node.group()) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Node child : node.children()) {
      sum = sum.add(child.weight());
      groups(child);
    }
    if (node.kind() == IndicatorKind.BASE && sum.compareTo(node.weight()) != 0) {
      throw ProblemException.businessRule(
          "weights-must-add-up",
          "indicator.rule.weights-add-up-group",
          node.code(),
          sum.stripTrailingZeros().toPlainString(),
          node.weight().stripTrailingZeros().toPlainString());
    }
  }

  /**
   * An org's materialised path and those of every org above it, own first: {@code /a/b/c/} gives
   * {@code /a/b/c/}, {@code /a/b/}, {@code /a/}.
   */
  static List<String> selfAndAncestors(String path) {
    List<String> paths = new java.util.ArrayList<>();
    String p = path;
    while (p.length() > 1) {
      paths.add(p);
      p = p.substring(0, p.lastIndexOf('/', p.length() - 2) + 1);
    }
    return paths;
  }
}
