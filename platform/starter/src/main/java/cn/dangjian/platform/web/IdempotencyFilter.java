package cn.dangjian.platform.web;

import cn.dangjian.platform.problem.ProblemResponseWriter;
import cn.dangjian.platform.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first successful (2xx) response per caller and key is stored
 * and replayed for a retry of the same request ({@code Idempotency-Replayed: true}); the same key
 * with a different request is 422; a retry while the first is still running is 409. A failed first
 * attempt stores nothing, so the client can correct and retry with the same key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotency-Replayed";
  public static final Duration RETENTION = Duration.ofHours(24);

  private final JdbcTemplate jdbc;
  private final ProblemResponseWriter problems;
  private final Clock clock;

  public IdempotencyFilter(JdbcTemplate jdbc, ProblemResponseWriter problems, Clock clock) {
    this.jdbc = jdbc;
    this.problems = problems;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Multipart uploads (bulk imports) handle their key themselves: their parts are parsed from
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
    String key = request.getHeader(HEADER).strip();
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (key.isEmpty() || key.length() > 100 || authentication == null) {
      problems.write(request, response, ProblemType.BAD_REQUEST, "problem.detail.idempotency-key");
      return;
    }
    String principal = authentication.getName();
    // The body is read once here to hash it, then replayed to the controller.
    byte[] body = request.getInputStream().readAllBytes();
    String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "\n", body);
    // The common case is a new key: claim it with one statement, and look only when it is taken.
    if (!claim(principal, key, hash)) {
      Timestamp expiredBefore = Timestamp.from(clock.instant().minus(RETENTION));
      List<Map<String, Object>> stored =
          jdbc.queryForList(
              "SELECT request_hash, status, content_type, location, etag, body FROM idempotency_key"
                  + " WHERE principal = ? AND idem_key = ? AND created_at > ?",
              principal,
              key,
              expiredBefore);
      if (!stored.isEmpty()) {
        replayOrRefuse(request, response, stored.get(0), hash);
        return;
      }
      // a key older than the retention is free again
      jdbc.update(
          "DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ? AND created_at <= ?",
          principal,
          key,
          expiredBefore);
      if (!claim(principal, key, hash)) {
        problems.write(
            request, response, ProblemType.CONFLICT, "problem.detail.idempotency-in-progress");
        return;
      }
    }
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    boolean stored2xx = false;
    try {
      chain.doFilter(new BodyReplayingRequest(request, body), wrapped);
      if (wrapped.getStatus() >= 200 && wrapped.getStatus() < 300) {
        jdbc.update(
            "UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?,"
                + " body = ? WHERE principal = ? AND idem_key = ?",
            wrapped.getStatus(),
            wrapped.getContentType(),
            wrapped.getHeader("Location"),
            wrapped.getHeader("ETag"),
            new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8),
            principal,
            key);
        stored2xx = true;
      }
    } finally {
      if (!stored2xx) {
        jdbc.update(
            "DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ?", principal, key);
      }
      wrapped.copyBodyToResponse();
    }
  }

  /** Inserts the key for this request; false if the caller holds that key already. */
  private boolean claim(String principal, String key, String hash) {
    try {
      jdbc.update(
          "INSERT INTO idempotency_key (principal, idem_key, request_hash, created_at)"
              + " VALUES (?,?,?,?)",
          principal,
          key,
          hash,
          Timestamp.from(clock.instant()));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  private void replayOrRefuse(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> stored,
      String hash)
      throws IOException {
    if (!hash.equals(stored.get("request_hash"))) {
      problems.write(
          request, response, ProblemType.BUSINESS_RULE, "problem.detail.idempotency-key-reused");
      return;
    }
    if (stored.get("status") == null) {
      problems.write(
          request, response, ProblemType.CONFLICT, "problem.detail.idempotency-in-progress");
      return;
    }
    response.setStatus(((Number) stored.get("status")).intValue());
    response.setHeader(REPLAYED, "true");
    if (stored.get("location") != null) {
      response.setHeader("Location", (String) stored.get("location"));
    }
    if (stored.get("etag") != null) {
      response.setHeader("ETag", (String) stored.get("etag"));
    }
    if (stored.get("content_type") != null) {
      response.setContentType((String) stored.get("content_type"));
    }
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String body = (String) stored.get("body");
    if (body != null) {
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String sha256(String prefix, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(prefix.getBytes(StandardCharsets.UTF_8));
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
