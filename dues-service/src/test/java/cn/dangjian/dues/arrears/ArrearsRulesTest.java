package cn.dangjian.dues.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.dues.arrears.ArrearsRules.BillState;
import cn.dangjian.dues.bill.BillStatus;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ArrearsRulesTest {

  private static final YearMonth NOW = YearMonth.of(2026, 11);

  private static BillState unpaid() {
    return new BillState(BillStatus.UNPAID, 1500);
  }

  @Test
  void consecutiveUnpaidMonthsCountBackFromTheLastEndedMonth() {
    Map<YearMonth, BillState> bills = new TreeMap<>();
    bills.put(YearMonth.of(2026, 6), new BillState(BillStatus.PAID, 1500));
    bills.put(YearMonth.of(2026, 7), unpaid());
    bills.put(YearMonth.of(2026, 8), unpaid());
    bills.put(YearMonth.of(2026, 9), unpaid());
    bills.put(YearMonth.of(2026, 10), unpaid());
    bills.put(NOW, unpaid());
    var arrears = ArrearsRules.of(bills, NOW);
    assertThat(arrears.months()).isEqualTo(4);
    assertThat(arrears.since()).isEqualTo(YearMonth.of(2026, 7));
    assertThat(arrears.outstandingFen()).isEqualTo(6000);
  }

  @Test
  void theCurrentMonthIsNotYetInArrears() {
    assertThat(ArrearsRules.of(Map.of(NOW, unpaid()), NOW)).isEqualTo(ArrearsRules.Arrears.NONE);
  }

  @Test
  void aPaidOrWaivedMonthEndsTheRun() {
    Map<YearMonth, BillState> bills = new TreeMap<>();
    bills.put(YearMonth.of(2026, 8), unpaid());
    bills.put(YearMonth.of(2026, 9), new BillState(BillStatus.WAIVED, 0));
    bills.put(YearMonth.of(2026, 10), unpaid());
    assertThat(ArrearsRules.of(bills, NOW).months()).isEqualTo(1);
    bills.put(YearMonth.of(2026, 10), new BillState(BillStatus.PAID, 1500));
    assertThat(ArrearsRules.of(bills, NOW).months()).isZero();
  }

  @Test
  void aPendingOnlineOrderStillCountsAsUnpaid() {
    Map<YearMonth, BillState> bills = new TreeMap<>();
    bills.put(YearMonth.of(2026, 10), new BillState(BillStatus.PENDING, 1500));
    assertThat(ArrearsRules.of(bills, NOW).months()).isEqualTo(1);
  }
}
