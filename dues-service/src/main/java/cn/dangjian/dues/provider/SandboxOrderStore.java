package cn.dangjian.dues.provider;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.provider.PaymentProvider.Payer;
import cn.dangjian.dues.provider.SandboxPaymentProvider.SandboxOrder;
import cn.dangjian.dues.support.Times;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sandbox provider's own orders ({@code sandbox_order}). */
@Repository
@ConditionalOnProperty(prefix = "dangjian.dues.sandbox", name = "enabled", havingValue = "true")
class SandboxOrderStore {

  /** An order with the payer who started it. */
  record Stored(SandboxOrder order, Payer payer) {}

  private final JdbcTemplate jdbc;

  SandboxOrderStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      String orderId,
      UUID paymentId,
      long amountFen,
      String subject,
      Instant createdAt,
      Payer payer) {
    jdbc.update(
        "INSERT INTO sandbox_order (id, payment_id, amount_fen, subject, status, created_at,"
            + " payer_member_id, payer_subject) VALUES (?,?,?,?,'CREATED',?,?,?)",
        orderId,
        bytes(paymentId),
        amountFen,
        subject,
        Times.utc(createdAt),
        payer.memberId() == null ? null : bytes(payer.memberId()),
        payer.subject());
  }

  Optional<Stored> find(String orderId) {
    return jdbc
        .query(
            "SELECT id, payment_id, amount_fen, subject, status, payer_member_id, payer_subject"
                + " FROM sandbox_order WHERE id = ?",
            (rs, n) -> {
              byte[] payerMember = rs.getBytes("payer_member_id");
              return new Stored(
                  new SandboxOrder(
                      rs.getString("id"),
                      uuid(rs.getBytes("payment_id")),
                      rs.getLong("amount_fen"),
                      rs.getString("subject"),
                      SandboxPaymentProvider.OrderStatus.valueOf(rs.getString("status"))),
                  new Payer(
                      payerMember == null ? null : uuid(payerMember),
                      rs.getString("payer_subject")));
            },
            orderId)
        .stream()
        .findFirst();
  }

  /** Marks a CREATED order paid; false if it was paid already. */
  boolean markPaid(String orderId, Instant paidAt) {
    return jdbc.update(
            "UPDATE sandbox_order SET status = 'PAID', paid_at = ? WHERE id = ? AND status = 'CREATED'",
            Times.utc(paidAt),
            orderId)
        > 0;
  }
}
