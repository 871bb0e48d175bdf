package cn.dangjian.testsupport.architecture.sample.clean.order;

import cn.dangjian.testsupport.architecture.sample.clean.order.OrderViews.OrderView;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Clean: the SQL and the row mapping. */
@Repository
class OrderStore {

  private final JdbcTemplate jdbc;

  OrderStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  OrderView find(UUID id) {
    return jdbc.queryForObject(
        "SELECT id, total FROM orders WHERE id = ?",
        (rs, n) -> new OrderView(UUID.fromString(rs.getString(1)), rs.getBigDecimal(2)),
        id.toString());
  }
}
