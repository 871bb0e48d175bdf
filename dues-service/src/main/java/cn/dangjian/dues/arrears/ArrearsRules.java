package cn.dangjian.dues.arrears;

import cn.dangjian.dues.bill.BillStatus;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Consecutive unpaid months (DF Art 13: six in a row without valid reason → 自行脱党 review; alerts at
 * 3/5/6). A bill is overdue once its month has ended; counting goes back from the last ended month
 * over the member's bills and stops at the first settled one (paid or waived). A pending online
 * order still counts as unpaid until it is confirmed.
 */
public final class ArrearsRules {

  private ArrearsRules() {}

  /** Arrears of one member: months in a row, the first of them, and what they add up to. */
  public record Arrears(int months, YearMonth since, long outstandingFen) {
    public static final Arrears NONE = new Arrears(0, null, 0);
  }

  /** One bill as the rule sees it. */
  public record BillState(BillStatus status, long amountFen) {}

  public static Arrears of(Map<YearMonth, BillState> bills, YearMonth current) {
    NavigableMap<YearMonth, BillState> ended = new TreeMap<>(bills).headMap(current, false);
    int months = 0;
    YearMonth since = null;
    long outstanding = 0;
    for (Map.Entry<YearMonth, BillState> bill : ended.descendingMap().entrySet()) {
      if (bill.getValue().status().settled()) {
        break;
      }
      months++;
      since = bill.getKey();
      outstanding += bill.getValue().amountFen();
    }
    return months == 0 ? Arrears.NONE : new Arrears(months, since, outstanding);
  }
}
