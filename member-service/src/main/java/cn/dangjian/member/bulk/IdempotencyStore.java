package cn.dangjian.member.bulk;

import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers imports by (caller, Idempotency-Key) for 24 hours, like the platform's {@code
 * IdempotencyFilter} does for JSON POSTs (which leaves multipart uploads to this store): the first
 * request claims the key before it imports (a committed row, so a concurrent retry sees it and is
 * told to wait), stores its report when it wrote something, and a retry with the same key and the
 * same file gets that report back instead of importing twice. The same key with another file or
 * other parameters is a 409. An import that wrote nothing (rejected, or failed) releases the key,
 * so the corrected file can be sent with the same key.
 */
@Component
class IdempotencyStore {

  static final int MAX_KEY_LENGTH = 100;
  static final Duration RETENTION = Duration.ofHours(24);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What claiming a key gave: the right to import, or the stored outcome of an earlier import. */
  sealed interface Claim permits Claimed, Replay {}

  record Claimed(UUID id) implements Claim {}

  record Replay(int httpStatus, String reportJson) implements Claim {}

  /** What the stored request must match for a replay. */
  record Fingerprint(String target, ImportMode mode, UUID parentId, String fileSha256) {}

  /** The key as stored: surrounding blanks removed; 1–100 visible ASCII characters. */
  static String checkKey(String raw) {
    String key = raw.strip();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.matches("[\\x21-\\x7E]+")) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST,
          "bulk.idempotency.invalid-key",
          new Object[] {MAX_KEY_LENGTH},
          Map.of("rule", "invalid-idempotency-key"));
    }
    return key;
  }

  Claim claim(String caller, String key, Fingerprint fingerprint) {
    UUID id = UuidV7.next();
    jdbc.update(
        "DELETE FROM bulk_import_request WHERE caller_subject = ? AND idempotency_key = ?"
            + " AND created_at <= ?",
        caller,
        key,
        Timestamp.from(clock.instant().minus(RETENTION)));
    try {
      jdbc.update(
          """
          INSERT INTO bulk_import_request
            (id, caller_subject, idempotency_key, target, import_mode, parent_id, file_sha256,
             status, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?)
          """,
          bytes(id),
          caller,
          key,
          fingerprint.target(),
          fingerprint.mode().name(),
          fingerprint.parentId() == null ? null : bytes(fingerprint.parentId()),
          fingerprint.fileSha256(),
          Timestamp.from(clock.instant()));
      return new Claimed(id);
    } catch (DuplicateKeyException e) {
      return existing(caller, key, fingerprint);
    }
  }

  void complete(UUID id, int httpStatus, String reportJson) {
    jdbc.update(
        """
        UPDATE bulk_import_request
        SET status = 'DONE', http_status = ?, report = ?, completed_at = ?
        WHERE id = ?
        """,
        httpStatus,
        reportJson,
        Timestamp.from(clock.instant()),
        bytes(id));
  }

  /** The import wrote nothing (rejected or failed): free the key for the next attempt. */
  void release(UUID id) {
    jdbc.update(
        "DELETE FROM bulk_import_request WHERE id = ? AND status = 'IN_PROGRESS'", bytes(id));
  }

  private Claim existing(String caller, String key, Fingerprint fingerprint) {
    Map<String, Object> row;
    try {
      row =
          jdbc.queryForMap(
              """
              SELECT target, import_mode, parent_id, file_sha256, status, http_status, report
              FROM bulk_import_request WHERE caller_subject = ? AND idempotency_key = ?
              """,
              caller,
              key);
    } catch (EmptyResultDataAccessException e) {
      throw conflict("idempotency-key-in-progress", "bulk.idempotency.in-progress");
    }
    boolean same =
        fingerprint.target().equals(row.get("target"))
            && fingerprint.mode().name().equals(row.get("import_mode"))
            && fingerprint.fileSha256().equals(row.get("file_sha256"))
            && Arrays.equals(
                fingerprint.parentId() == null ? null : bytes(fingerprint.parentId()),
                (byte[]) row.get("parent_id"));
    if (!same) {
      throw conflict("idempotency-key-reused", "bulk.idempotency.key-reused");
    }
    if (!"DONE".equals(row.get("status"))) {
      throw conflict("idempotency-key-in-progress", "bulk.idempotency.in-progress");
    }
    return new Replay(((Number) row.get("http_status")).intValue(), (String) row.get("report"));
  }

  private static ProblemException conflict(String rule, String messageKey) {
    return new ProblemException(ProblemType.CONFLICT, messageKey, null, Map.of("rule", rule));
  }

  static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }
}
