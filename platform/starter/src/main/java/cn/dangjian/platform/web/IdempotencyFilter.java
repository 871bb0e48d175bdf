package cn.dangjian.platform.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.web.IdempotencyKeys.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on JSON POSTs, by {@link IdempotencyKeys}: the first successful (2xx)
 * response per caller and key is stored and replayed for a retry of the same request ({@code
 * Idempotency-Replayed: true}); the same key with a different request is 422; a retry while the
 * first is still running is 409. A failed first attempt stores nothing, so the client can correct
 * and retry with the same key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  public static final String HEADER = IdempotencyKeys.HEADER;

  private final IdempotencyKeys keys;
  private final ProblemResponseWriter problems;

  public IdempotencyFilter(IdempotencyKeys keys, ProblemResponseWriter problems) {
    this.keys = keys;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Multipart uploads (bulk imports) claim their key themselves: their parts are parsed from
    // the original stream, which this filter would have consumed.
    String contentType = request.getContentType();
    return !"POST".equals(request.getMethod())
        || request.getHeader(HEADER) == null
        || (contentType != null && contentType.toLowerCase().startsWith("multipart/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String principal;
    String key;
    Optional<StoredResponse> stored;
    // The body is read once here to fingerprint it, then replayed to the controller.
    byte[] body = request.getInputStream().readAllBytes();
    try {
      if (authentication == null) {
        throw new ProblemException(
            ProblemType.BAD_REQUEST, "problem.detail.idempotency-key", null, null);
      }
      principal = authentication.getName();
      key = IdempotencyKeys.checkKey(request.getHeader(HEADER));
      String hash =
          IdempotencyKeys.fingerprint(
              (request.getMethod() + " " + request.getRequestURI()).getBytes(UTF_8), body);
      stored = keys.claim(principal, key, hash);
    } catch (ProblemException problem) {
      problems.write(request, response, problem);
      return;
    }
    if (stored.isPresent()) {
      replay(response, stored.get());
      return;
    }
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    boolean stored2xx = false;
    try {
      chain.doFilter(new BodyReplayingRequest(request, body), wrapped);
      if (wrapped.getStatus() >= 200 && wrapped.getStatus() < 300) {
        keys.complete(
            principal,
            key,
            new StoredResponse(
                wrapped.getStatus(),
                wrapped.getContentType(),
                wrapped.getHeader("Location"),
                wrapped.getHeader("ETag"),
                new String(wrapped.getContentAsByteArray(), UTF_8)));
        stored2xx = true;
      }
    } finally {
      if (!stored2xx) {
        keys.release(principal, key);
      }
      wrapped.copyBodyToResponse();
    }
  }

  private static void replay(HttpServletResponse response, StoredResponse stored)
      throws IOException {
    response.setStatus(stored.status());
    response.setHeader(IdempotencyKeys.REPLAYED, "true");
    if (stored.location() != null) {
      response.setHeader("Location", stored.location());
    }
    if (stored.etag() != null) {
      response.setHeader("ETag", stored.etag());
    }
    if (stored.contentType() != null) {
      response.setContentType(stored.contentType());
    }
    response.setCharacterEncoding(UTF_8.name());
    if (stored.body() != null) {
      response.getOutputStream().write(stored.body().getBytes(UTF_8));
    }
  }

  /** Hands the already-read body to the rest of the chain. */
  private static final class BodyReplayingRequest
      extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    BodyReplayingRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
      return new jakarta.servlet.ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
          throw new UnsupportedOperationException("synchronous only");
        }
      };
    }
  }
}
