package cn.dangjian.dues.payment;

import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.persistence.Uuids;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every provider callback is logged in its own transaction, so a rejection is kept. */
@Component
public class CallbackLogStore {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CallbackLogStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String provider, String orderId, String outcome, String detail, String body) {
    String text = body == null ? "" : body;
    jdbc.update(
        "INSERT INTO dues_callback_log (id, provider, order_id, outcome, detail, body, received_at)"
            + " VALUES (?,?,?,?,?,?,?)",
        Uuids.bytes(UuidV7.next()),
        provider,
        orderId == null || orderId.length() > 64 ? null : orderId,
        outcome,
        detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300),
        text.length() <= 20_000 ? text : text.substring(0, 20_000),
        Times.utc(clock.instant()));
  }
}
