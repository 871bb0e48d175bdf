package cn.dangjian.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every problem the gateway itself answers. The {@code type} URIs are part of the API contract:
 * clients switch on them, so they never change once published.
 */
public enum GatewayProblem {
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "service-unavailable"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "unauthorized"),
  INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "unauthorized", "invalid-token"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "forbidden"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "not-found"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "method-not-allowed"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "payload-too-large"),
  TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "too-many-requests"),
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "bad-request"),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "internal-error");

  private static final String TYPE_BASE = "https://dangjian.cn/problems/";

  private final HttpStatus status;
  private final URI type;
  private final String messageKey;

  GatewayProblem(HttpStatus status, String slug, String messageKey) {
    this.status = status;
    this.type = URI.create(TYPE_BASE + slug);
    this.messageKey = messageKey;
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return type;
  }

  String titleKey() {
    return "problem." + messageKey + ".title";
  }

  String detailKey() {
    return "problem." + messageKey + ".detail";
  }
}
