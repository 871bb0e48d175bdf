package cn.dangjian.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Stable problem types (RFC 9457 {@code type}). Clients branch on the type URI, never on the
 * localized detail text. Titles and default details live in {@code dangjian/problems*.properties}
 * under {@code problem.title.<slug>} and {@code problem.detail.<slug>}.
 */
public enum ProblemType {
  VALIDATION("validation", HttpStatus.BAD_REQUEST),
  MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST),
  UNKNOWN_PROPERTY("unknown-property", HttpStatus.BAD_REQUEST),
  TYPE_MISMATCH("type-mismatch", HttpStatus.BAD_REQUEST),
  MISSING_PARAMETER("missing-parameter", HttpStatus.BAD_REQUEST),
  BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST),
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
  METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
  NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
  CONFLICT("conflict", HttpStatus.CONFLICT),
  CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT),
  PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED),
  PRECONDITION_REQUIRED("precondition-required", HttpStatus.PRECONDITION_REQUIRED),
  PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  BUSINESS_RULE("business-rule", HttpStatus.UNPROCESSABLE_CONTENT),
  TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
  INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR),
  SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

  public static final String BASE_URI = "https://dangjian.cn/problems/";

  private final String slug;
  private final HttpStatus status;

  ProblemType(String slug, HttpStatus status) {
    this.slug = slug;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public HttpStatus status() {
    return status;
  }

  public URI uri() {
    return URI.create(BASE_URI + slug);
  }

  public String titleKey() {
    return "problem.title." + slug;
  }

  public String detailKey() {
    return "problem.detail." + slug;
  }

  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status.value() == status) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }
}
