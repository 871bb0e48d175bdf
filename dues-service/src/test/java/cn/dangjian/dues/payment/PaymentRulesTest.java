package cn.dangjian.dues.payment;

import static cn.dangjian.dues.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.dues.bill.BillStatus;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

  private static final YearMonth NOW = YearMonth.of(2026, 11);
  private final PaymentRules rules = new PaymentRules(6, 6, 100_000);

  private static Map<YearMonth, BillStatus> unpaidFrom(YearMonth first) {
    Map<YearMonth, BillStatus> bills = new TreeMap<>();
    for (YearMonth m = first; !m.isAfter(NOW); m = m.plusMonths(1)) {
      bills.put(m, BillStatus.UNPAID);
    }
    return bills;
  }

  @Test
  void backPaymentCoversAtMostSixMonths() {
    Map<YearMonth, BillStatus> bills = unpaidFrom(NOW.minusMonths(7));
    var plan =
        rules.plan(
            NOW,
            List.of(
                NOW.minusMonths(6),
                NOW.minusMonths(5),
                NOW.minusMonths(4),
                NOW.minusMonths(3),
                NOW.minusMonths(2),
                NOW.minusMonths(1),
                NOW),
            bills,
            0);
    assertThat(plan.existing()).hasSize(7).first().isEqualTo(YearMonth.of(2026, 5));
    assertRule(
        () -> rules.plan(NOW, List.of(NOW.minusMonths(7)), bills, 0),
        "back-payment-at-most-six-months");
  }

  @Test
  void theOldestPayableMonthIsPaidFirst() {
    Map<YearMonth, BillStatus> bills = unpaidFrom(NOW.minusMonths(2));
    assertRule(() -> rules.plan(NOW, List.of(NOW), bills, 0), "pay-oldest-months-first");
    assertThat(rules.plan(NOW, List.of(NOW.minusMonths(2)), bills, 0).existing())
        .containsExactly(NOW.minusMonths(2));
  }

  @Test
  void prepaymentUpToTheConfiguredLimitOnceNothingIsOwed() {
    Map<YearMonth, BillStatus> bills = unpaidFrom(NOW);
    var plan = rules.plan(NOW, List.of(NOW, NOW.plusMonths(1), NOW.plusMonths(2)), bills, 0);
    assertThat(plan.existing()).containsExactly(NOW);
    assertThat(plan.prepaid()).containsExactly(NOW.plusMonths(1), NOW.plusMonths(2));
    assertRule(
        () -> rules.plan(NOW, List.of(NOW, NOW.plusMonths(7)), bills, 0), "prepayment-limit");
    assertRule(
        () -> rules.plan(NOW, List.of(NOW.plusMonths(1)), bills, 0),
        "prepayment-needs-arrears-cleared");
    assertRule(
        () -> rules.plan(NOW, List.of(NOW, NOW.plusMonths(2)), bills, 0),
        "prepayment-months-consecutive");
  }

  @Test
  void aPaidBillCannotBePaidAgain() {
    Map<YearMonth, BillStatus> bills = new TreeMap<>(Map.of(NOW, BillStatus.PAID));
    assertThatThrownBy(() -> rules.plan(NOW, List.of(NOW), bills, 0))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
    Map<YearMonth, BillStatus> pending = new TreeMap<>(Map.of(NOW, BillStatus.PENDING));
    assertThatThrownBy(() -> rules.plan(NOW, List.of(NOW), pending, 0))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void aMonthWithoutABillCannotBePaid() {
    assertRule(() -> rules.plan(NOW, List.of(NOW), Map.of(), 0), "no-bill-for-month");
    assertRule(() -> rules.plan(NOW, List.of(NOW, NOW), unpaidFrom(NOW), 0), "month-listed-twice");
    assertRule(() -> rules.plan(NOW, List.of(), Map.of(), 0), "payment-covers-something");
  }

  @Test
  void aOneOffExtraOfAThousandYuanGoesToTheCentre() {
    assertThat(rules.plan(NOW, List.of(), Map.of(), 99_999).remitToCentre()).isFalse();
    assertThat(rules.plan(NOW, List.of(), Map.of(), 100_000).remitToCentre()).isTrue();
    assertThat(rules.plan(NOW, List.of(NOW), unpaidFrom(NOW), 150_000).remitToCentre()).isTrue();
    assertRule(() -> rules.plan(NOW, List.of(NOW), unpaidFrom(NOW), -1), "extra-not-negative");
  }
}
