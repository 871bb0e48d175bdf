package cn.dangjian.dues.payment;

import cn.dangjian.dues.support.Months;
import cn.dangjian.platform.persistence.Uuids;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The bills a payment covers ({@code dues_payment_item}), one row per bill. */
@Repository
class PaymentItemStore {

  private final JdbcTemplate jdbc;

  PaymentItemStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID paymentId, UUID billId, YearMonth month, long fen, boolean prepaid) {
    jdbc.update(
        "INSERT INTO dues_payment_item (payment_id, bill_id, bill_month, amount_fen, prepaid)"
            + " VALUES (?,?,?,?,?)",
        Uuids.bytes(paymentId),
        Uuids.bytes(billId),
        Months.sql(month),
        fen,
        prepaid);
  }
}
