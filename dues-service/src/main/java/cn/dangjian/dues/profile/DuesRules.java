package cn.dangjian.dues.profile;

import cn.dangjian.dues.support.Money;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How much a member pays per month (DOMAIN.md §3.1, DF Arts 1–7). Plain rules, no Spring.
 *
 * <p>Money is in fen (分, long). The amount is {@code base × rate} rounded <b>HALF_UP to the fen</b>
 * (the national rule names no rounding; HALF_UP to the fen is what bank and treasury practice do),
 * so 3000.01 元 × 1 % = 30.0001 元 → 30.00 元 and 3000.50 元 × 1 % → 30.01 元.
 */
public final class DuesRules {

  private final DuesRates rates;

  public DuesRules(DuesRates rates) {
    this.rates = rates;
  }

  public DuesRates rates() {
    return rates;
  }

  /** The standard monthly amount and the rate applied (null for fixed categories). */
  public record Assessment(long amountFen, BigDecimal ratePercent) {}

  /**
   * The standard amount for a category: on the declared base for salary/pension categories, the
   * fixed amount otherwise.
   *
   * @param baseFen declared base in fen; required exactly when the category needs one
   * @param fixedFen a farmer's assessed amount (0.2–1 元), null for the default
   */
  public Assessment assess(DuesCategory category, Long baseFen, Long fixedFen) {
    switch (category.kind()) {
      case SALARY_TABLE, RETIREE_TABLE -> {
        if (baseFen == null) {
          throw ProblemException.businessRule(
              "base-required-for-category", "dues.rule.base-required", category.label());
        }
        if (baseFen < 0) {
          throw ProblemException.businessRule("base-not-negative", "dues.rule.base-not-negative");
        }
        if (fixedFen != null) {
          throw ProblemException.businessRule(
              "fixed-amount-only-for-fixed-categories", "dues.rule.fixed-only-for-fixed");
        }
        BigDecimal percent =
            rateFor(
                category.kind() == DuesCategory.Kind.SALARY_TABLE
                    ? rates.salary()
                    : rates.retiree(),
                baseFen);
        return new Assessment(percentOf(baseFen, percent), percent);
      }
      case FIXED_RANGE -> {
        requireNoBase(category, baseFen);
        long amount = fixedFen == null ? rates.farmerDefaultFen() : fixedFen;
        if (amount < rates.farmerMinFen() || amount > rates.farmerMaxFen()) {
          throw ProblemException.businessRule(
              "farmer-amount-within-range",
              "dues.rule.farmer-range",
              yuan(rates.farmerMinFen()),
              yuan(rates.farmerMaxFen()));
        }
        return new Assessment(amount, null);
      }
      case FIXED -> {
        requireNoBase(category, baseFen);
        if (fixedFen != null && fixedFen != rates.fixedFen()) {
          throw ProblemException.businessRule(
              "fixed-category-amount-is-fixed",
              "dues.rule.fixed-amount",
              category.label(),
              yuan(rates.fixedFen()));
        }
        return new Assessment(rates.fixedFen(), null);
      }
      default -> throw new IllegalStateException(category.kind().name());
    }
  }

  /** The bracket the whole base falls in; edges belong to the lower bracket (≤3000 → 0.5 %). */
  static BigDecimal rateFor(java.util.List<DuesRates.Bracket> brackets, long baseFen) {
    for (DuesRates.Bracket bracket : brackets) {
      if (bracket.upToFen() == null || baseFen <= bracket.upToFen()) {
        return bracket.percent();
      }
    }
    throw new IllegalStateException("the last bracket is open-ended");
  }

  /** {@code baseFen × percent / 100}, HALF_UP to the fen. */
  static long percentOf(long baseFen, BigDecimal percent) {
    return BigDecimal.valueOf(baseFen)
        .multiply(percent)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /**
   * A hardship reduction or waiver (DF Art 7): only with a recorded approval — who approved, at
   * which meeting, and until when — and a reduced amount below the standard one.
   */
  public void checkHardship(
      Hardship kind,
      Long reducedFen,
      long standardFen,
      String approvedBy,
      String meeting,
      LocalDate approvedOn,
      LocalDate until,
      YearMonth effectiveMonth) {
    if (kind == Hardship.NONE) {
      return;
    }
    if (isBlank(approvedBy) || isBlank(meeting) || approvedOn == null || until == null) {
      throw ProblemException.businessRule(
          "hardship-needs-recorded-approval", "dues.rule.hardship-needs-approval");
    }
    if (until.isBefore(approvedOn) || YearMonth.from(until).isBefore(effectiveMonth)) {
      throw ProblemException.businessRule(
          "hardship-until-after-approval", "dues.rule.hardship-until");
    }
    if (kind == Hardship.REDUCED) {
      if (reducedFen == null || reducedFen < 0 || reducedFen >= standardFen) {
        throw ProblemException.businessRule(
            "reduction-below-standard", "dues.rule.reduction-below-standard", yuan(standardFen));
      }
    } else if (reducedFen != null && reducedFen != 0) {
      throw ProblemException.businessRule("waiver-is-zero", "dues.rule.waiver-is-zero");
    }
  }

  /** What a bill of {@code month} charges: the hardship amount while approved, else standard. */
  public static long amountFor(
      YearMonth month, long standardFen, Hardship kind, Long reducedFen, LocalDate until) {
    if (kind == Hardship.NONE || until == null || !month.atDay(1).isBefore(until.plusDays(1))) {
      return standardFen;
    }
    return kind == Hardship.WAIVED ? 0 : reducedFen;
  }

  /** 元 with two decimals, for messages and exports. */
  public static String yuan(long fen) {
    return Money.yuan(fen);
  }

  private static void requireNoBase(DuesCategory category, Long baseFen) {
    if (baseFen != null) {
      throw ProblemException.businessRule(
          "no-base-for-fixed-category", "dues.rule.no-base-for-fixed", category.label());
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
