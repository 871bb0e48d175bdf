package cn.dangjian.alert.push;

import cn.dangjian.platform.web.IdempotencyFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A subscription created with an {@code Idempotency-Key}: the platform stores the response for
 * replays, and a webhook secret must not sit in that store in clear text. The controller answers
 * without the secret and hands it here (a request attribute); this filter, outside the idempotency
 * filter, adds it to the response the client receives. A replay therefore carries no secret.
 */
public class WebhookSecretFilter extends OncePerRequestFilter {

  static final String SECRET_ATTRIBUTE = WebhookSecretFilter.class.getName() + ".secret";

  private final JsonMapper json = JsonMapper.builder().build();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || request.getHeader(IdempotencyFilter.HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AtomicReference<String> secret = new AtomicReference<>();
    request.setAttribute(SECRET_ATTRIBUTE, secret);
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapped);
    if (secret.get() != null && wrapped.getStatus() == HttpServletResponse.SC_CREATED) {
      JsonNode body = json.readTree(wrapped.getContentAsByteArray());
      if (body instanceof ObjectNode object) {
        object.put("secret", secret.get());
        byte[] bytes = json.writeValueAsBytes(object);
        wrapped.resetBuffer();
        wrapped.getOutputStream().write(bytes);
      }
    }
    wrapped.copyBodyToResponse();
  }

  /** Called by the controller: answer without the secret, this filter adds it. */
  static boolean handOver(HttpServletRequest request, String plainSecret) {
    if (request.getAttribute(SECRET_ATTRIBUTE) instanceof AtomicReference<?> holder) {
      @SuppressWarnings("unchecked")
      AtomicReference<String> typed = (AtomicReference<String>) holder;
      typed.set(plainSecret);
      return true;
    }
    return false;
  }
}
