package cn.dangjian.dues.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The rate table in force (DOMAIN.md §3.1): a flat rate on the <b>whole</b> base, chosen by the
 * bracket the base falls in (not marginal). Provinces may configure other numbers; {@link
 * #national()} are the defaults of the 2008 DF regulation.
 *
 * @param salary brackets for employees, annual-salary staff and those without monthly pay
 * @param retiree brackets for retirees (on the pension actually received)
 * @param fixedFen the fixed monthly amount for students, the unemployed and 低保 recipients
 * @param farmerMinFen lowest fixed amount a farmer member may be assessed
 * @param farmerMaxFen highest fixed amount a farmer member may be assessed
 * @param farmerDefaultFen a farmer's amount when the branch has not set one
 */
public record DuesRates(
    List<Bracket> salary,
    List<Bracket> retiree,
    long fixedFen,
    long farmerMinFen,
    long farmerMaxFen,
    long farmerDefaultFen) {

  /**
   * One bracket: bases up to and including {@code upToFen} (null: no upper bound) pay {@code
   * percent} of the whole base.
   */
  public record Bracket(Long upToFen, BigDecimal percent) {
    public Bracket {
      Objects.requireNonNull(percent, "percent");
      if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException("a dues rate is a percentage between 0 and 100");
      }
    }
  }

  public DuesRates {
    salary = checked(salary, "salary");
    retiree = checked(retiree, "retiree");
    if (fixedFen < 0 || farmerMinFen < 0 || farmerMinFen > farmerMaxFen) {
      throw new IllegalArgumentException("fixed amounts must be ≥ 0 and farmer min ≤ max");
    }
    if (farmerDefaultFen < farmerMinFen || farmerDefaultFen > farmerMaxFen) {
      throw new IllegalArgumentException("the farmer default must lie within min and max");
    }
  }

  /** The national defaults: 0.5/1/1.5/2 % at 3000/5000/10000 元, retirees 0.5/1 % at 5000 元. */
  public static DuesRates national() {
    return new DuesRates(
        List.of(
            new Bracket(300_000L, new BigDecimal("0.5")),
            new Bracket(500_000L, new BigDecimal("1")),
            new Bracket(1_000_000L, new BigDecimal("1.5")),
            new Bracket(null, new BigDecimal("2"))),
        List.of(
            new Bracket(500_000L, new BigDecimal("0.5")), new Bracket(null, new BigDecimal("1"))),
        20,
        20,
        100,
        20);
  }

  private static List<Bracket> checked(List<Bracket> brackets, String name) {
    if (brackets == null || brackets.isEmpty()) {
      throw new IllegalArgumentException(name + " brackets must not be empty");
    }
    Long previous = null;
    for (int i = 0; i < brackets.size(); i++) {
      Bracket bracket = brackets.get(i);
      boolean last = i == brackets.size() - 1;
      if (last != (bracket.upToFen() == null)) {
        throw new IllegalArgumentException(name + ": only the last bracket is open-ended");
      }
      if (!last && previous != null && bracket.upToFen() <= previous) {
        throw new IllegalArgumentException(name + ": bracket edges must increase");
      }
      previous = bracket.upToFen();
    }
    return List.copyOf(brackets);
  }
}
