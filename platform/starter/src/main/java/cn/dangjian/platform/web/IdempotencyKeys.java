package cn.dangjian.platform.web;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one {@code Idempotency-Key} mechanism (IETF draft-ietf-httpapi-idempotency-key-header): a key
 * is claimed per caller with a committed row before the work runs, so a concurrent retry sees it
 * (409); the first successful response is stored for 24 hours and a retry of the same request gets
 * it back; the same key with a different request is 422; work that failed or wrote nothing releases
 * the key, so the corrected request may reuse it. {@link IdempotencyFilter} applies it to JSON
 * POSTs; multipart uploads (bulk imports) call it themselves with their own fingerprint.
 */
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotency-Replayed";
  public static final Duration RETENTION = Duration.ofHours(24);
  public static final int MAX_KEY_LENGTH = 100;

  /** What a retry of the same request is answered with. */
  public record StoredResponse(
      int status, String contentType, String location, String etag, String body) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The key as stored: surrounding blanks removed; 1–100 visible ASCII characters, else 400. */
  public static String checkKey(String raw) {
    String key = raw == null ? "" : raw.strip();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.matches("[\\x21-\\x7E]+")) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST,
          "problem.detail.idempotency-key",
          new Object[] {MAX_KEY_LENGTH},
          Map.of("rule", "invalid-idempotency-key"));
    }
    return key;
  }

  /** A request's fingerprint: SHA-256 over its parts (method and path, body, parameters…). */
  public static String fingerprint(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String fingerprint(String... parts) {
    byte[][] bytes = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = String.valueOf(parts[i]).getBytes(StandardCharsets.UTF_8);
    }
    return fingerprint(bytes);
  }

  /**
   * Claims the key for this request. Empty: the caller may go ahead (and must {@link #complete} or
   * {@link #release}); present: the stored response of the same request, to answer again.
   *
   * @throws ProblemException 422 when the key was used for another request, 409 while the first
   *     request with it is still running
   */
  public Optional<StoredResponse> claim(String principal, String key, String requestHash) {
    if (insert(principal, key, requestHash)) {
      return Optional.empty();
    }
    Timestamp expiredBefore = Timestamp.from(clock.instant().minus(RETENTION));
    List<Map<String, Object>> stored =
        jdbc.queryForList(
            "SELECT request_hash, status, content_type, location, etag, body FROM idempotency_key"
                + " WHERE principal = ? AND idem_key = ? AND created_at > ?",
            principal,
            key,
            expiredBefore);
    if (stored.isEmpty()) {
      // a key older than the retention is free again
      jdbc.update(
          "DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ? AND created_at <= ?",
          principal,
          key,
          expiredBefore);
      if (insert(principal, key, requestHash)) {
        return Optional.empty();
      }
      throw inProgress();
    }
    Map<String, Object> row = stored.get(0);
    if (!requestHash.equals(row.get("request_hash"))) {
      throw ProblemException.businessRule(
          "idempotency-key-reused", "problem.detail.idempotency-key-reused");
    }
    if (row.get("status") == null) {
      throw inProgress();
    }
    return Optional.of(
        new StoredResponse(
            ((Number) row.get("status")).intValue(),
            (String) row.get("content_type"),
            (String) row.get("location"),
            (String) row.get("etag"),
            (String) row.get("body")));
  }

  /** Stores the successful response for retries. */
  public void complete(String principal, String key, StoredResponse response) {
    jdbc.update(
        "UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?,"
            + " body = ? WHERE principal = ? AND idem_key = ?",
        response.status(),
        response.contentType(),
        response.location(),
        response.etag(),
        response.body(),
        principal,
        key);
  }

  /** The work failed or wrote nothing: the key is free for the next attempt. */
  public void release(String principal, String key) {
    jdbc.update(
        "DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ? AND status IS NULL",
        principal,
        key);
  }

  private boolean insert(String principal, String key, String hash) {
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

  private static ProblemException inProgress() {
    return new ProblemException(
        ProblemType.CONFLICT,
        "problem.detail.idempotency-in-progress",
        null,
        Map.of("rule", "idempotency-key-in-progress"));
  }
}
