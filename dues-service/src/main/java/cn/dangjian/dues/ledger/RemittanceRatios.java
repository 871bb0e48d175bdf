package cn.dangjian.dues.ledger;

import cn.dangjian.dues.config.RemittanceProperties;
import cn.dangjian.dues.config.RemittanceProperties.Rule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Which share of a quarter's dues income an org remits to its parent: the most specific matching
 * rule (the longest path prefix; on equal prefixes a rule naming the org type beats one that does
 * not; on a full tie the first listed), else the default. Plain rules, no Spring.
 */
final class RemittanceRatios {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final BigDecimal defaultPercent;
  private final List<Rule> rules;

  RemittanceRatios(RemittanceProperties properties) {
    this.defaultPercent = checked(properties.defaultPercent(), "default-percent");
    for (Rule rule : properties.rules()) {
      checked(rule.percent(), "rules[].percent");
    }
    this.rules = properties.rules();
  }

  private static BigDecimal checked(BigDecimal percent, String name) {
    if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException(
          "dangjian.dues.remittance." + name + " must be 0–100, was " + percent);
    }
    return percent;
  }

  BigDecimal percentFor(String orgPath, String orgType) {
    Rule best = null;
    int bestScore = -1;
    for (Rule rule : rules) {
      boolean pathMatches = rule.pathPrefix() == null || orgPath.startsWith(rule.pathPrefix());
      boolean typeMatches = rule.orgType() == null || rule.orgType().equals(orgType);
      if (!pathMatches || !typeMatches) {
        continue;
      }
      int score =
          (rule.pathPrefix() == null ? 0 : rule.pathPrefix().length()) * 2
              + (rule.orgType() == null ? 0 : 1);
      if (score > bestScore) {
        best = rule;
        bestScore = score;
      }
    }
    return best == null ? defaultPercent : best.percent();
  }

  /** The share in fen, rounded half up to the fen. */
  static long share(long incomeFen, BigDecimal percent) {
    return BigDecimal.valueOf(incomeFen)
        .multiply(percent)
        .divide(HUNDRED, 0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
