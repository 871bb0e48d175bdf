package cn.dangjian.alert.rules;

import cn.dangjian.alert.catalogue.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule's condition holds for a subject in a period, at a severity, for these facts.
 *
 * @param periodKey what makes this occurrence distinct (a month, a term, the start of a streak)
 * @param facts values for the rule's text templates
 * @param evidence the facts and the events behind them
 * @param deadline a rule-specific deadline, or null for "raised on + the rule's default days"
 */
public record Finding(
    String ruleId,
    String periodKey,
    Severity severity,
    Map<String, String> facts,
    List<Evidence> evidence,
    LocalDate deadline) {

  public Finding {
    facts = Map.copyOf(facts);
    evidence = List.copyOf(evidence);
  }

  /** One piece of evidence: what kind, which record or event, and what it shows. */
  /** What a piece of evidence points at. */
  public enum EvidenceKind {
    APPROVAL,
    ASSESSMENT,
    ATTENDANCE,
    COMMITTEE,
    DEVELOPMENT_STEP,
    DUES,
    FLAG,
    MEETING,
    MEETINGS,
    MOBILE,
    STRUCTURE,
    TALKS,
    TRAINING,
    TRANSFER
  }

  public record Evidence(EvidenceKind kind, @Nullable String ref, String text) {}
}
