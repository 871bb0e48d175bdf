package cn.dangjian.gateway.correlation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The ids that tie one client request to the logs and traces of every service it touched. Read from
 * exchange attributes rather than thread-locals because reactive code hops threads.
 */
public final class Correlation {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  public static final String TRACE_ID_HEADER = "X-Trace-Id";

  /** The MDC keys Micrometer Tracing's Slf4JEventListener uses (and Boot's log pattern reads). */
  private static final String TRACE_ID_MDC = "traceId";

  private static final String SPAN_ID_MDC = "spanId";

  static final String REQUEST_ID_ATTRIBUTE = Correlation.class.getName() + ".requestId";
  static final String ORIGINAL_PATH_ATTRIBUTE = Correlation.class.getName() + ".originalPath";

  /** Client-chosen ids are echoed into logs and headers, so only harmless tokens are accepted. */
  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Correlation() {}

  static boolean isSane(String candidate) {
    return candidate != null && SANE_REQUEST_ID.matcher(candidate).matches();
  }

  public static String requestId(ServerWebExchange exchange) {
    return exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
  }

  /** The path the client asked for, even after a fallback forward rewrote the request. */
  public static String originalPath(ServerWebExchange exchange) {
    String path = exchange.getAttribute(ORIGINAL_PATH_ATTRIBUTE);
    return path != null ? path : exchange.getRequest().getPath().value();
  }

  /** The trace id of the server observation that WebFlux opened for this exchange. */
  public static Optional<String> traceId(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(Correlation::tracingSpan)
        .map(span -> span.context().traceId())
        .filter(id -> !id.isBlank());
  }

  /**
   * Puts the exchange's trace and span ids into the MDC, where the log pattern and the ECS JSON
   * format read them, until the scope is closed. With {@code spring.reactor.context-propagation:
   * limited} (the cheap default) nothing restores them on the event-loop thread that runs a
   * reactive stage, so the few places that log per request open this around their log statement:
   *
   * <pre>{@code try (var ignored = Correlation.traceInMdc(exchange)) { log.warn(...); }}</pre>
   */
  public static MdcScope traceInMdc(ServerWebExchange exchange) {
    Span span =
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
            .map(Correlation::tracingSpan)
            .orElse(null);
    if (span == null) {
      return MdcScope.NONE;
    }
    return new MdcScope(
        MDC.putCloseable(TRACE_ID_MDC, span.context().traceId()),
        MDC.putCloseable(SPAN_ID_MDC, span.context().spanId()));
  }

  /** Removes what {@link #traceInMdc} put into the MDC. */
  public record MdcScope(MDC.MDCCloseable traceId, MDC.MDCCloseable spanId)
      implements AutoCloseable {
    static final MdcScope NONE = new MdcScope(null, null);

    @Override
    public void close() {
      if (traceId != null) {
        traceId.close();
      }
      if (spanId != null) {
        spanId.close();
      }
    }
  }

  private static Span tracingSpan(ServerRequestObservationContext context) {
    TracingObservationHandler.TracingContext tracing =
        context.get(TracingObservationHandler.TracingContext.class);
    return tracing != null ? tracing.getSpan() : null;
  }
}
