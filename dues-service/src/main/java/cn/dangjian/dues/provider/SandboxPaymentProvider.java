package cn.dangjian.dues.provider;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.dues.config.DuesProperties;
import cn.dangjian.dues.provider.CallbackRejected.Outcome;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider a developer runs locally: orders live in its own table ({@code
 * sandbox_order}); "paying" one ({@link #complete}) produces the HMAC-SHA256-signed callback a real
 * provider would send, which the service then verifies like any other.
 */
@Component
public class SandboxPaymentProvider implements PaymentProvider {

  public static final String NAME = "sandbox";
  public static final String SIGNATURE_HEADER = "X-Sandbox-Signature";

  private final JdbcTemplate jdbc;
  private final HmacSigner signer;
  private final DuesProperties properties;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  public SandboxPaymentProvider(JdbcTemplate jdbc, DuesProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.signer = new HmacSigner(properties.getSandbox().getSigningKey());
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public ProviderOrder createOrder(
      UUID paymentId, long amountFen, String subject, Instant expiresAt) {
    String orderId = "SBX" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    jdbc.update(
        "INSERT INTO sandbox_order (id, payment_id, amount_fen, subject, status, created_at)"
            + " VALUES (?,?,?,?,'CREATED',?)",
        orderId,
        bytes(paymentId),
        amountFen,
        subject,
        Times.utc(clock.instant()));
    return new ProviderOrder(orderId, properties.getSandbox().getPayUrlBase() + orderId);
  }

  /** The sandbox's view of an order (its "pay page"). */
  public record SandboxOrder(
      String orderId, UUID paymentId, long amountFen, String subject, String status) {}

  public Optional<SandboxOrder> find(String orderId) {
    List<SandboxOrder> found =
        jdbc.query(
            "SELECT id, payment_id, amount_fen, subject, status FROM sandbox_order WHERE id = ?",
            (rs, n) ->
                new SandboxOrder(
                    rs.getString("id"),
                    uuid(rs.getBytes("payment_id")),
                    rs.getLong("amount_fen"),
                    rs.getString("subject"),
                    rs.getString("status")),
            orderId);
    return found.stream().findFirst();
  }

  /** The body and signature the sandbox delivers to the callback endpoint. */
  public record SignedCallback(String body, String signature) {}

  /**
   * The payer paid the order: marks it paid (once) and returns the signed notice. {@code amountFen}
   * lets a developer simulate a provider reporting a different amount.
   */
  @Transactional
  public SignedCallback complete(String orderId, Long amountFen) {
    SandboxOrder order =
        find(orderId)
            .orElseThrow(() -> ProblemException.notFound("sandbox.order-not-found", orderId));
    Instant now = clock.instant();
    if (jdbc.update(
            "UPDATE sandbox_order SET status = 'PAID', paid_at = ? WHERE id = ? AND status = 'CREATED'",
            Times.utc(now),
            orderId)
        == 0) {
      throw ProblemException.conflict("sandbox.order-already-paid", orderId);
    }
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("orderId", order.orderId());
    notice.put("amountFen", amountFen == null ? order.amountFen() : amountFen);
    notice.put("tradeNo", "T" + UUID.randomUUID().toString().replace("-", ""));
    notice.put("paidAt", now.toString());
    String body = json.writeValueAsString(notice);
    return new SignedCallback(body, signer.sign(body));
  }

  @Override
  public CallbackNotice verify(String body, String signature) {
    if (!signer.matches(body, signature)) {
      throw new CallbackRejected(Outcome.BAD_SIGNATURE, "signature does not match");
    }
    try {
      JsonNode node = json.readTree(body);
      String orderId = node.path("orderId").asString(null);
      JsonNode amount = node.get("amountFen");
      if (orderId == null || amount == null || !amount.isIntegralNumber()) {
        throw new CallbackRejected(Outcome.MALFORMED, "orderId and integral amountFen required");
      }
      String paidAt = node.path("paidAt").asString(null);
      return new CallbackNotice(
          orderId,
          amount.asLong(),
          node.path("tradeNo").asString(null),
          paidAt == null ? clock.instant() : Instant.parse(paidAt));
    } catch (JacksonException | java.time.format.DateTimeParseException e) {
      throw new CallbackRejected(Outcome.MALFORMED, "not a callback notice");
    }
  }
}
