package cn.dangjian.platform.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.ProblemDetail;

/** Builds localized problem details with a stable type, the request path and the trace id. */
public class ProblemFactory {

  private final MessageSource messages;
  private final ObjectProvider<Tracer> tracer;

  public ProblemFactory(MessageSource messages, ObjectProvider<Tracer> tracer) {
    this.messages = messages;
    this.tracer = tracer;
  }

  public ProblemDetail create(
      ProblemType type, String detailKey, Object[] args, Locale locale, String path) {
    ProblemDetail problem = ProblemDetail.forStatus(type.status());
    problem.setType(type.uri());
    problem.setTitle(message(type.titleKey(), null, locale, type.status().getReasonPhrase()));
    problem.setDetail(message(detailKey, args, locale, problem.getTitle()));
    if (path != null) {
      problem.setInstance(URI.create(path.replace(" ", "%20")));
    }
    traceId().ifPresent(id -> problem.setProperty("traceId", id));
    return problem;
  }

  public ProblemDetail create(ProblemException ex, Locale locale, String path) {
    ProblemDetail problem = create(ex.type(), ex.detailKey(), ex.args(), locale, path);
    for (Map.Entry<String, Object> property : ex.properties().entrySet()) {
      problem.setProperty(property.getKey(), property.getValue());
    }
    return problem;
  }

  public String message(String key, Object[] args, Locale locale, String fallback) {
    try {
      return messages.getMessage(key, args, locale);
    } catch (NoSuchMessageException e) {
      return fallback;
    }
  }

  public java.util.Optional<String> traceId() {
    Tracer current = tracer.getIfAvailable();
    if (current == null) {
      return java.util.Optional.empty();
    }
    Span span = current.currentSpan();
    return span == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(span.context().traceId());
  }
}
