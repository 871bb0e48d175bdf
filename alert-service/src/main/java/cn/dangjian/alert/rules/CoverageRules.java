package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.DUES_BASE_NOT_REASSESSED;
import static cn.dangjian.alert.catalogue.RuleCatalogue.TALK_COVERAGE_SHORT;
import static cn.dangjian.alert.rules.MemberRules.facts;

import cn.dangjian.alert.catalogue.Levels;
import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.RuleDefinition;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.rules.Finding.Evidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Branch-wide coverage rules: 谈心谈话 pairs (ZB ch.5) and the year's dues assessment (DF Art 10).
 * Plain functions of the facts and a date; {@code inSeason} says whether the facts are worth
 * loading.
 */
public final class CoverageRules {

  /** How many missing pairs or members an alert names. */
  static final int EXAMPLES = 5;

  private final RuleCatalogue catalogue;

  public CoverageRules(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Pairs covered and required, per kind, and a few of the missing ones. */
  public record Coverage(
      int ccCovered, int ccRequired, int cmCovered, int cmRequired, List<String> missing) {

    public int covered() {
      return ccCovered + cmCovered;
    }

    public int required() {
      return ccRequired + cmRequired;
    }
  }

  /**
   * Every two committee members, and every committee member with every member who is not on the
   * committee, must have talked this year (member↔member pairs are not counted: n² talks are not
   * what the 条例 asks a branch to track). A talk counts for its pair whatever kind it was recorded
   * as: roles change during a year.
   */
  public static Coverage coverage(TalkFacts f) {
    List<UUID> committee = f.committee().stream().sorted().toList();
    List<UUID> others =
        f.members().stream().filter(id -> !f.committee().contains(id)).sorted().toList();
    int ccCovered = 0;
    int ccRequired = 0;
    int cmCovered = 0;
    int cmRequired = 0;
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < committee.size(); i++) {
      for (int j = i + 1; j < committee.size(); j++) {
        ccRequired++;
        if (f.talked().contains(TalkFacts.pair(committee.get(i), committee.get(j)))) {
          ccCovered++;
        } else if (missing.size() < EXAMPLES) {
          missing.add("委员" + committee.get(i) + "↔委员" + committee.get(j));
        }
      }
    }
    for (UUID c : committee) {
      for (UUID m : others) {
        cmRequired++;
        if (f.talked().contains(TalkFacts.pair(c, m))) {
          cmCovered++;
        } else if (missing.size() < EXAMPLES) {
          missing.add("委员" + c + "↔党员" + m);
        }
      }
    }
    return new Coverage(ccCovered, ccRequired, cmCovered, cmRequired, missing);
  }

  private int daysToYearEnd(LocalDate asOf) {
    return (int) Calendar.daysRelativeToYearEnd(asOf);
  }

  /** The lowest threshold of a rule over its default and per-org-type levels. */
  private int lowest(String ruleId) {
    RuleDefinition def = catalogue.get(ruleId);
    int lowest = def.levels().lowest();
    for (Levels levels : def.orgTypeLevels().values()) {
      lowest = Math.min(lowest, levels.lowest());
    }
    return lowest;
  }

  /** Whether TALK_COVERAGE_SHORT can hold for some org as of this date (Q4 by default). */
  public boolean talkCoverageInSeason(LocalDate asOf) {
    return catalogue.get(TALK_COVERAGE_SHORT).enabled()
        && lowest(TALK_COVERAGE_SHORT) <= daysToYearEnd(asOf);
  }

  public Outcome talkCoverage(OrgFacts o, LocalDate asOf, TalkFacts f) {
    String year = Integer.toString(asOf.getYear());
    boolean judged =
        o.branchLike()
            && !o.dissolved()
            && !f.committee().isEmpty()
            && (o.createdOn() == null
                || !o.createdOn().isAfter(LocalDate.of(asOf.getYear(), 10, 1)));
    Coverage c = coverage(f);
    Map<String, String> clear = Map.of("year", year, "covered", Integer.toString(c.covered()));
    if (!judged || c.covered() >= c.required()) {
      return Outcome.clear(TALK_COVERAGE_SHORT, clear);
    }
    Optional<Severity> level =
        catalogue.get(TALK_COVERAGE_SHORT).levelsFor(o.orgType()).levelOf(daysToYearEnd(asOf));
    if (level.isEmpty()) {
      return Outcome.clear(TALK_COVERAGE_SHORT, clear);
    }
    int percent = c.covered() * 100 / c.required();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            Finding.EvidenceKind.TALKS,
            o.orgId().toString(),
            "支部委员之间 " + c.ccCovered() + "/" + c.ccRequired() + " 对"));
    evidence.add(
        new Evidence(
            Finding.EvidenceKind.TALKS,
            o.orgId().toString(),
            "支部委员与党员之间 " + c.cmCovered() + "/" + c.cmRequired() + " 对"));
    for (String pair : c.missing()) {
      evidence.add(new Evidence(Finding.EvidenceKind.TALKS, null, "未谈：" + pair));
    }
    return Outcome.holds(
        new Finding(
            TALK_COVERAGE_SHORT,
            "year:" + year,
            level.get(),
            facts(
                "year", year,
                "percent", percent,
                "covered", c.covered(),
                "required", c.required(),
                "ccCovered", c.ccCovered(),
                "ccRequired", c.ccRequired(),
                "cmCovered", c.cmCovered(),
                "cmRequired", c.cmRequired(),
                "missingText", String.join("；", c.missing())),
            evidence,
            LocalDate.of(asOf.getYear(), 12, 31)));
  }

  private static long daysAfterFirstQuarter(LocalDate asOf) {
    return Calendar.daysRelativeTo(LocalDate.of(asOf.getYear(), 3, 31), asOf);
  }

  /** Whether DUES_BASE_NOT_REASSESSED can hold as of this date (after Q1 by default). */
  public boolean duesBaseInSeason(LocalDate asOf) {
    return catalogue.get(DUES_BASE_NOT_REASSESSED).enabled()
        && lowest(DUES_BASE_NOT_REASSESSED) <= daysAfterFirstQuarter(asOf);
  }

  /** Members paying by a declared base with no assessment for the year, once Q1 is over. */
  public Outcome duesBase(OrgFacts o, LocalDate asOf, DuesBaseFacts f) {
    String year = Integer.toString(asOf.getYear());
    Map<String, String> clear = Map.of("year", year);
    if (!o.branchLike() || o.dissolved() || f.unassessed() <= 0) {
      return Outcome.clear(DUES_BASE_NOT_REASSESSED, clear);
    }
    Optional<Severity> level =
        catalogue
            .get(DUES_BASE_NOT_REASSESSED)
            .levelsFor(o.orgType())
            .levelOf(daysAfterFirstQuarter(asOf));
    if (level.isEmpty()) {
      return Outcome.clear(DUES_BASE_NOT_REASSESSED, clear);
    }
    String examples =
        f.examples().stream().map(UUID::toString).collect(Collectors.joining("、"))
            + (f.unassessed() > f.examples().size() ? "等" : "");
    return Outcome.holds(
        new Finding(
            DUES_BASE_NOT_REASSESSED,
            "year:" + year,
            level.get(),
            facts(
                "year",
                year,
                "missing",
                f.unassessed(),
                "total",
                f.payingByBase(),
                "examples",
                examples),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.DUES,
                    o.orgId().toString(),
                    year + "年未核定党费基数 " + f.unassessed() + "/" + f.payingByBase() + " 人")),
            null));
  }
}
