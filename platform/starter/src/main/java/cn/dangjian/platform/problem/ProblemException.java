package cn.dangjian.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client caused or must know about, answered as problem+json. The detail is a message
 * key resolved in the caller's language; {@link #properties()} become extra members of the problem
 * (e.g. {@code rule} for a violated business rule).
 */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final String detailKey;
  private final transient Object[] args;
  private final transient Map<String, Object> properties;
  private Long retryAfterSeconds;

  public ProblemException(
      ProblemType type, String detailKey, Object[] args, Map<String, Object> properties) {
    super(detailKey);
    this.type = type;
    this.detailKey = detailKey;
    this.args = args == null ? new Object[0] : args.clone();
    this.properties = new LinkedHashMap<>(properties == null ? Map.of() : properties);
  }

  /** 404 for a resource that does not exist or lies outside the caller's data scope. */
  public static ProblemException notFound(String detailKey, Object... args) {
    return new ProblemException(ProblemType.NOT_FOUND, detailKey, args, Map.of());
  }

  public static ProblemException conflict(String detailKey, Object... args) {
    return new ProblemException(ProblemType.CONFLICT, detailKey, args, Map.of());
  }

  public static ProblemException forbidden(String detailKey, Object... args) {
    return new ProblemException(ProblemType.FORBIDDEN, detailKey, args, Map.of());
  }

  public static ProblemException badRequest(String detailKey, Object... args) {
    return new ProblemException(ProblemType.BAD_REQUEST, detailKey, args, Map.of());
  }

  /**
   * 422 for a request that is well-formed but breaks a rule of the domain; {@code rule} names the
   * rule (e.g. {@code activist-needs-one-year}) so clients can react without parsing text.
   */
  public static ProblemException businessRule(String rule, String detailKey, Object... args) {
    return new ProblemException(ProblemType.BUSINESS_RULE, detailKey, args, Map.of("rule", rule));
  }

  /** 429 with {@code Retry-After}: the caller is over a limit (searches, exports, streams). */
  public static ProblemException tooManyRequests(
      long retryAfterSeconds, String detailKey, Object... args) {
    ProblemException problem =
        new ProblemException(ProblemType.TOO_MANY_REQUESTS, detailKey, args, Map.of());
    problem.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    return problem;
  }

  /** Seconds for a {@code Retry-After} header, if the client should wait before retrying. */
  public java.util.Optional<Long> retryAfterSeconds() {
    return java.util.Optional.ofNullable(retryAfterSeconds);
  }

  public static ProblemException preconditionFailed() {
    return new ProblemException(
        ProblemType.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED.detailKey(), null, null);
  }

  public static ProblemException preconditionRequired() {
    return new ProblemException(
        ProblemType.PRECONDITION_REQUIRED,
        ProblemType.PRECONDITION_REQUIRED.detailKey(),
        null,
        null);
  }

  public ProblemType type() {
    return type;
  }

  public String detailKey() {
    return detailKey;
  }

  public Object[] args() {
    return args.clone();
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }
}
