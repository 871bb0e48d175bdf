package cn.dangjian.dues.payment;

import cn.dangjian.dues.bill.BillStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one payment may cover (DOMAIN.md §3.2, DF Arts 11–12). Plain rules, no Spring.
 *
 * <ul>
 *   <li>the current month and 补交 (back payment) of at most {@code backMonths} months;
 *   <li>预交 (prepayment) of at most {@code prepayMonths} months after the current one, consecutive
 *       from next month, and only once nothing earlier is left unpaid;
 *   <li>the oldest payable months first (no skipping a month within the back-payment window);
 *   <li>a voluntary extra amount; a one-off extra of at least {@code centreThresholdFen} all goes
 *       to the Centre (Art 11).
 * </ul>
 */
public final class PaymentRules {

  private final int backMonths;
  private final int prepayMonths;
  private final long centreThresholdFen;

  public PaymentRules(int backMonths, int prepayMonths, long centreThresholdFen) {
    this.backMonths = backMonths;
    this.prepayMonths = prepayMonths;
    this.centreThresholdFen = centreThresholdFen;
  }

  /** Which requested months settle existing bills and which are prepayments. */
  public record Plan(List<YearMonth> existing, List<YearMonth> prepaid, boolean remitToCentre) {}

  /**
   * @param current the current month (Asia/Shanghai)
   * @param requested the months the payment should cover
   * @param bills the member's bills by month with their state
   * @param extraFen voluntary extra amount
   */
  public Plan plan(
      YearMonth current,
      List<YearMonth> requested,
      Map<YearMonth, BillStatus> bills,
      long extraFen) {
    if (extraFen < 0) {
      throw ProblemException.businessRule("extra-not-negative", "payment.rule.extra-not-negative");
    }
    if (requested.isEmpty() && extraFen == 0) {
      throw ProblemException.businessRule("payment-covers-something", "payment.rule.empty");
    }
    if (new HashSet<>(requested).size() != requested.size()) {
      throw ProblemException.businessRule("month-listed-twice", "payment.rule.month-twice");
    }
    TreeSet<YearMonth> months = new TreeSet<>(requested);
    List<YearMonth> existing = new ArrayList<>();
    List<YearMonth> prepaid = new ArrayList<>();
    for (YearMonth month : months) {
      (payable(current, month, bills.get(month)) ? existing : prepaid).add(month);
    }
    if (months.stream().anyMatch(m -> m.isAfter(current))) {
      checkPrepayment(current, months, bills);
    }
    if (!months.isEmpty()) {
      checkOldestFirst(current, months, bills);
    }
    return new Plan(List.copyOf(existing), List.copyOf(prepaid), remitsToCentre(extraFen));
  }

  /**
   * Whether the month settles an existing bill (true) or is a prepayment without one (false);
   * refuses months outside the window and bills that are not UNPAID.
   */
  private boolean payable(YearMonth current, YearMonth month, BillStatus status) {
    if (month.isBefore(current.minusMonths(backMonths))) {
      throw ProblemException.businessRule(
          "back-payment-at-most-six-months",
          "payment.rule.back-payment-limit",
          backMonths,
          month.toString());
    }
    if (month.isAfter(current.plusMonths(prepayMonths))) {
      throw ProblemException.businessRule(
          "prepayment-limit", "payment.rule.prepayment-limit", prepayMonths, month.toString());
    }
    if (month.isAfter(current)) {
      if (status != null && status != BillStatus.UNPAID) {
        throw ProblemException.conflict("payment.bill-not-payable", month.toString());
      }
      return status != null;
    }
    if (status == null) {
      throw ProblemException.businessRule(
          "no-bill-for-month", "payment.rule.no-bill", month.toString());
    }
    if (status != BillStatus.UNPAID) {
      throw ProblemException.conflict("payment.bill-not-payable", month.toString());
    }
    return true;
  }

  /** 预交: consecutive from next month, and nothing up to now left unpaid. */
  private static void checkPrepayment(
      YearMonth current, TreeSet<YearMonth> months, Map<YearMonth, BillStatus> bills) {
    YearMonth expected = current.plusMonths(1);
    for (YearMonth month : months.tailSet(expected)) {
      if (!month.equals(expected)) {
        throw ProblemException.businessRule(
            "prepayment-months-consecutive", "payment.rule.prepayment-consecutive");
      }
      expected = expected.plusMonths(1);
    }
    for (Map.Entry<YearMonth, BillStatus> bill : bills.entrySet()) {
      if (!bill.getKey().isAfter(current)
          && bill.getValue() == BillStatus.UNPAID
          && !months.contains(bill.getKey())) {
        throw ProblemException.businessRule(
            "prepayment-needs-arrears-cleared",
            "payment.rule.prepayment-needs-arrears-cleared",
            bill.getKey().toString());
      }
    }
  }

  /** No skipping: an unpaid month of the back-payment window older than the newest paid one. */
  private void checkOldestFirst(
      YearMonth current, TreeSet<YearMonth> months, Map<YearMonth, BillStatus> bills) {
    YearMonth oldestAllowed = current.minusMonths(backMonths);
    YearMonth newest = months.last();
    for (Map.Entry<YearMonth, BillStatus> bill : bills.entrySet()) {
      YearMonth month = bill.getKey();
      boolean payable = !month.isBefore(oldestAllowed) && !month.isAfter(current);
      if (payable
          && bill.getValue() == BillStatus.UNPAID
          && month.isBefore(newest)
          && !months.contains(month)) {
        throw ProblemException.businessRule(
            "pay-oldest-months-first", "payment.rule.oldest-first", month.toString());
      }
    }
  }

  /** A one-off voluntary extra of ≥ the threshold (1000 元) all goes to the Centre (Art 11). */
  public boolean remitsToCentre(long extraFen) {
    return extraFen >= centreThresholdFen;
  }
}
