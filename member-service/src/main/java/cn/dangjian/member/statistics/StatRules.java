package cn.dangjian.member.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who counts where: the categories a member's or an org's state is counted in, and the bands the
 * annual tables group ages and 党龄 by. Plain rules, unit-tested; the drill-down's predicates ({@link
 * DrillDownQueries}) mirror them and a test checks that each count equals its list.
 */
final class StatRules {

  /** 党员: admitted (预备 or 正式). Applicants to development targets are the pipeline. */
  static final Set<String> PARTY_STAGES = Set.of("PROBATIONARY", "FULL");

  static final Set<String> PIPELINE_STAGES = Set.of("APPLICANT", "ACTIVIST", "DEVELOPMENT_TARGET");

  /** Ways of leaving the register (减少党员), 死亡 included; 转出 is a transfer, not a loss. */
  static final Set<String> LEAVING_STATUSES =
      Set.of(
          "WITHDRAWN",
          "PERSUADED_TO_QUIT",
          "STRUCK_OFF",
          "EXPELLED",
          "PROBATION_CANCELLED",
          "PROBATION_NOT_RETAINED",
          "DECEASED");

  /** Branch kinds whose 支部委员会 the 党内统计 counts (党小组 and committees have their own bodies). */
  static final Set<String> BRANCH_TYPES = Set.of("BRANCH", "JOINT_BRANCH", "TEMPORARY_BRANCH");

  static final String UNSPECIFIED = "UNSPECIFIED";

  /** Age bands of the annual tables: the upper bound of each band, then ≥ 71. */
  static final int[] AGE_BAND_UPPER = {30, 35, 40, 45, 50, 55, 60, 70};

  static final List<String> AGE_BANDS =
      List.of(
          "UP_TO_30",
          "31_35",
          "36_40",
          "41_45",
          "46_50",
          "51_55",
          "56_60",
          "61_70",
          "71_PLUS",
          UNSPECIFIED);

  /** 党龄 bands: the upper bound of each band, then ≥ 51. */
  static final int[] STANDING_BAND_UPPER = {5, 10, 20, 30, 40, 50};

  static final List<String> STANDING_BANDS =
      List.of(
          "UP_TO_5",
          "6_10",
          "11_20",
          "21_30",
          "31_40",
          "41_50",
          "51_PLUS",
          "PROBATIONARY",
          UNSPECIFIED);

  private StatRules() {}

  /** The categories a person is counted in while in this state. */
  static List<Cell> memberCells(MemberState s) {
    List<Cell> cells = new ArrayList<>();
    boolean active = "ACTIVE".equals(s.status());
    if (PARTY_STAGES.contains(s.stage())) {
      if (active) {
        cells.add(new Cell("MEMBERS", "ALL"));
        cells.add(new Cell("GENDER", s.gender()));
        cells.add(new Cell("ETHNICITY", ethnicityGroup(s.ethnicity())));
        cells.add(new Cell("BIRTH", orUnspecified(s.birthMonth())));
        cells.add(new Cell("EDUCATION", s.education()));
        cells.add(new Cell("OCCUPATION", s.occupation()));
        cells.add(new Cell("STAGE", s.stage()));
        cells.add(
            new Cell(
                "FULL_SINCE",
                "PROBATIONARY".equals(s.stage()) ? "PROBATIONARY" : orUnspecified(s.fullSince())));
        if (s.mobile()) {
          cells.add(new Cell("FLAG", "MOBILE"));
        }
        if (s.lostContact()) {
          cells.add(new Cell("FLAG", "LOST_CONTACT"));
        }
      } else if ("SUSPENDED".equals(s.status())) {
        cells.add(new Cell("SUSPENDED", "ALL"));
      }
    } else if (PIPELINE_STAGES.contains(s.stage()) && active) {
      cells.add(new Cell("PIPELINE", s.stage()));
    }
    return cells;
  }

  /** The categories an organisation is counted in while in this state (none once dissolved). */
  static List<Cell> orgCells(OrgState s) {
    List<Cell> cells = new ArrayList<>();
    if (s.dissolved()) {
      return cells;
    }
    cells.add(new Cell("ORG_TYPE", s.orgType()));
    cells.add(new Cell("UNIT_TYPE", s.unitType()));
    cells.add(new Cell("AFFILIATION", s.affiliation()));
    if (BRANCH_TYPES.contains(s.orgType())) {
      cells.add(new Cell("BRANCH_COMMITTEE", s.hasCommittee() ? "WITH" : "WITHOUT"));
    }
    if (s.hasCommittee() && s.termDue() != null) {
      cells.add(new Cell("TERM_DUE", s.termDue()));
    }
    return cells;
  }

  /** 汉族, 少数民族 (any other recorded ethnicity) or 未填. */
  static String ethnicityGroup(@Nullable String ethnicity) {
    if (ethnicity == null || ethnicity.isBlank()) {
      return UNSPECIFIED;
    }
    String e = ethnicity.strip();
    return e.equals("汉族") || e.equals("汉") ? "HAN" : "MINORITY";
  }

  /**
   * Whole years from a month to the end of another: at a month-end everyone born in that calendar
   * month has had their birthday, so a birth month is exact for every month-end figure.
   */
  static int yearsAt(YearMonth from, YearMonth asOf) {
    int years = asOf.getYear() - from.getYear();
    return from.getMonthValue() > asOf.getMonthValue() ? years - 1 : years;
  }

  static String ageBand(String birthMonth, YearMonth asOf) {
    if (UNSPECIFIED.equals(birthMonth)) {
      return UNSPECIFIED;
    }
    return band(yearsAt(YearMonth.parse(birthMonth), asOf), AGE_BAND_UPPER, AGE_BANDS);
  }

  static String standingBand(String fullSince, YearMonth asOf) {
    if (UNSPECIFIED.equals(fullSince) || "PROBATIONARY".equals(fullSince)) {
      return fullSince;
    }
    return band(yearsAt(YearMonth.parse(fullSince), asOf), STANDING_BAND_UPPER, STANDING_BANDS);
  }

  private static String band(int years, int[] upper, List<String> names) {
    for (int i = 0; i < upper.length; i++) {
      if (years <= upper[i]) {
        return names.get(i);
      }
    }
    return names.get(upper.length);
  }

  /** Under 35 at a date (the 发展党员 share the annual report states: 35 岁及以下). */
  static boolean under35(@Nullable String birthMonth, LocalDate on) {
    return birthMonth != null && yearsAt(YearMonth.parse(birthMonth), YearMonth.from(on)) <= 35;
  }

  /** The orgs a path counts at: every org on it, the root first. */
  static List<UUID> ancestors(String path) {
    List<UUID> ids = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        ids.add(UUID.fromString(part));
      }
    }
    return ids;
  }

  /** Months as stored: yyyymm. */
  static int month(YearMonth m) {
    return m.getYear() * 100 + m.getMonthValue();
  }

  static int month(LocalDate d) {
    return d.getYear() * 100 + d.getMonthValue();
  }

  private static String orUnspecified(@Nullable String value) {
    return value == null ? UNSPECIFIED : value;
  }
}
