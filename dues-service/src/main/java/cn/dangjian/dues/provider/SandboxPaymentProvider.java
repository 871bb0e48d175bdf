package cn.dangjian.dues.provider;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.dues.config.DuesProperties;
import cn.dangjian.dues.provider.CallbackRejected.Outcome;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.problem.ProblemException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * provider would send, which the service then verifies like any other. Offered only where {@code
 * dangjian.dues.sandbox.enabled=true}: it takes payment for nothing.
 */
@Component
@ConditionalOnProperty(prefix = "dangjian.dues.sandbox", name = "enabled", havingValue = "true")
public class SandboxPaymentProvider implements PaymentProvider {

  public static final String NAME = "sandbox";
  public static final String SIGNATURE_HEADER = "X-Sandbox-Signature";
  public static final String TIMESTAMP_HEADER = "X-Sandbox-Timestamp";
  public static final String NONCE_HEADER = "X-Sandbox-Nonce";
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

  private final JdbcTemplate jdbc;
  private final HmacSigner signer;
  private final DuesProperties properties;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final SecureRandom random = new SecureRandom();

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
      UUID paymentId, long amountFen, String subject, Instant expiresAt, Payer payer) {
    String orderId = "SBX" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    jdbc.update(
        "INSERT INTO sandbox_order (id, payment_id, amount_fen, subject, status, created_at,"
            + " payer_member_id, payer_subject) VALUES (?,?,?,?,'CREATED',?,?,?)",
        orderId,
        bytes(paymentId),
        amountFen,
        subject,
        Times.utc(clock.instant()),
        payer.memberId() == null ? null : bytes(payer.memberId()),
        payer.subject());
    return new ProviderOrder(orderId, properties.getSandbox().getPayUrlBase() + orderId);
  }

  /** The sandbox's view of an order (its "pay page"). */
  public record SandboxOrder(
      String orderId, UUID paymentId, long amountFen, String subject, String status) {}

  /**
   * The order as its payer sees it; anyone else (another member, an officer of the branch) is told
   * it does not exist: only the payer pays on a provider's page.
   */
  public Optional<SandboxOrder> find(String orderId, Payer caller) {
    List<SandboxOrder> found =
        jdbc.query(
            "SELECT id, payment_id, amount_fen, subject, status, payer_member_id, payer_subject"
                + " FROM sandbox_order WHERE id = ?",
            (rs, n) -> {
              byte[] payerMember = rs.getBytes("payer_member_id");
              Payer payer =
                  new Payer(
                      payerMember == null ? null : uuid(payerMember),
                      rs.getString("payer_subject"));
              if (!isPayer(payer, caller)) {
                return null;
              }
              return new SandboxOrder(
                  rs.getString("id"),
                  uuid(rs.getBytes("payment_id")),
                  rs.getLong("amount_fen"),
                  rs.getString("subject"),
                  rs.getString("status"));
            },
            orderId);
    return found.stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /** The member whose bills it settles, or the subject who started it (an officer's order). */
  static boolean isPayer(Payer payer, Payer caller) {
    if (caller == null) {
      return false;
    }
    return (payer.memberId() != null && payer.memberId().equals(caller.memberId()))
        || (payer.memberId() == null
            && payer.subject() != null
            && payer.subject().equals(caller.subject()));
  }

  /**
   * The payer paid the order: marks it paid (once) and returns the signed notice, inside the
   * caller's transaction so that a rejected notice leaves the order unpaid. {@code amountFen} lets
   * a developer simulate a provider reporting a different amount.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public SignedCallback complete(String orderId, Long amountFen, Payer caller) {
    SandboxOrder order =
        find(orderId, caller)
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
    String timestamp = Long.toString(now.getEpochSecond());
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String nonceText = HexFormat.of().formatHex(nonce);
    return new SignedCallback(body, signer.sign(timestamp, nonceText, body), timestamp, nonceText);
  }

  @Override
  public CallbackNotice verify(SignedCallback callback) {
    String body = callback.body();
    if (!signer.matches(callback.timestamp(), callback.nonce(), body, callback.signature())) {
      throw new CallbackRejected(Outcome.BAD_SIGNATURE, "signature does not match");
    }
    if (!TIMESTAMP.matcher(callback.timestamp()).matches()
        || !NONCE.matcher(callback.nonce()).matches()) {
      throw new CallbackRejected(Outcome.MALFORMED, "timestamp or nonce malformed");
    }
    Instant sentAt = Instant.ofEpochSecond(Long.parseLong(callback.timestamp()));
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
          paidAt == null ? clock.instant() : Instant.parse(paidAt),
          sentAt,
          callback.nonce());
    } catch (JacksonException | java.time.format.DateTimeParseException e) {
      throw new CallbackRejected(Outcome.MALFORMED, "not a callback notice");
    }
  }
}
