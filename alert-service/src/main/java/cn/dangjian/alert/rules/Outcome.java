package cn.dangjian.alert.rules;

import java.util.Map;
import java.util.Optional;

/**
 * One rule evaluated for one subject: a finding when its condition holds, otherwise nothing — and
 * then any open alert of the rule for the subject resolves, saying so with {@code clearFacts}.
 */
public record Outcome(String ruleId, Optional<Finding> finding, Map<String, String> clearFacts) {

  public Outcome {
    clearFacts = Map.copyOf(clearFacts);
  }

  public static Outcome holds(Finding finding) {
    return new Outcome(finding.ruleId(), Optional.of(finding), Map.of());
  }

  public static Outcome clear(String ruleId, Map<String, String> clearFacts) {
    return new Outcome(ruleId, Optional.empty(), clearFacts);
  }
}
