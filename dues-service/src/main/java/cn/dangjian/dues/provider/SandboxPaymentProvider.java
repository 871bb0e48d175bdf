package cn.dangjian.dues.provider;

import cn.dangjian.dues.config.DuesProperties;
import cn.dangjian.dues.provider.CallbackRejected.Outcome;
import cn.dangjian.platform.problem.ProblemException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

  private final SandboxOrderStore orders;
  private final HmacSigner signer;
  private final DuesProperties properties;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final SecureRandom random = new SecureRandom();

  SandboxPaymentProvider(SandboxOrderStore orders, DuesProperties properties, Clock clock) {
    this.orders = orders;
    this.signer = new HmacSigner(properties.sandbox().signingKey());
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
    orders.insert(orderId, paymentId, amountFen, subject, clock.instant(), payer);
    return new ProviderOrder(orderId, properties.sandbox().payUrlBase() + orderId);
  }

  /** The sandbox's view of an order (its "pay page"). */
  /** A sandbox order is paid once. */
  public enum OrderStatus {
    CREATED,
    PAID
  }

  public record SandboxOrder(
      String orderId, UUID paymentId, long amountFen, String subject, OrderStatus status) {}

  /**
   * The order as its payer sees it; anyone else (another member, an officer of the branch) is told
   * it does not exist: only the payer pays on a provider's page.
   */
  public Optional<SandboxOrder> find(String orderId, Payer caller) {
    return orders
        .find(orderId)
        .filter(stored -> isPayer(stored.payer(), caller))
        .map(SandboxOrderStore.Stored::order);
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
    if (!orders.markPaid(orderId, now)) {
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
