package cn.dangjian.platform.jobs;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code platform_job} rows: what users see of a job, apart from db-scheduler's execution. */
class JobStore {

  /** One job as stored. */
  record JobRow(
      UUID id,
      String kind,
      JobStatus status,
      @Nullable String activeKey,
      @Nullable String orgPath,
      String createdBy,
      LocalDateTime createdAt,
      @Nullable LocalDateTime startedAt,
      @Nullable LocalDateTime finishedAt,
      int attempts,
      boolean cancelRequested,
      long progressDone,
      @Nullable Long progressTotal,
      @Nullable String progressUnit,
      String payload,
      @Nullable String result,
      @Nullable String problem,
      @Nullable String fileName,
      @Nullable String fileMediaType,
      @Nullable Long fileSize,
      @Nullable LocalDateTime fileExpiresAt) {}

  private static final String COLUMNS =
      "id, kind, status, active_key, org_path, created_by, created_at, started_at, finished_at,"
          + " attempts, cancel_requested, progress_done, progress_total, progress_unit, payload,"
          + " result, problem, file_name, file_media_type, file_size, file_expires_at";

  private static final RowMapper<JobRow> ROW = JobStore::row;

  private final JdbcTemplate jdbc;

  JobStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a queued job; fails with DuplicateKeyException when its active key is taken. */
  void insert(
      UUID id,
      String kind,
      @Nullable String activeKey,
      @Nullable String orgPath,
      String createdBy,
      LocalDateTime now,
      String payload) {
    jdbc.update(
        "INSERT INTO platform_job (id, kind, status, active_key, org_path, created_by, created_at,"
            + " payload) VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, ?)",
        bytes(id),
        kind,
        activeKey,
        orgPath,
        createdBy,
        Timestamp.valueOf(now),
        payload);
  }

  Optional<JobRow> find(UUID id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM platform_job WHERE id = ?", ROW, bytes(id))
        .stream()
        .findFirst();
  }

  Optional<JobRow> findActive(String activeKey) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM platform_job WHERE active_key = ?", ROW, activeKey)
        .stream()
        .findFirst();
  }

  /**
   * The newest jobs a caller may see: those they started, and (with a path prefix, or all when
   * {@code everything}) those about orgs in their scope.
   */
  List<JobRow> recent(
      String createdBy, @Nullable String pathPrefix, boolean everything, int offset, int limit) {
    if (everything) {
      return jdbc.query(
          "SELECT " + COLUMNS + " FROM platform_job ORDER BY created_at DESC, id DESC LIMIT ?, ?",
          ROW,
          offset,
          limit);
    }
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM platform_job WHERE created_by = ? OR (? IS NOT NULL AND org_path LIKE"
            + " CONCAT(?, '%')) ORDER BY created_at DESC, id DESC LIMIT ?, ?",
        ROW,
        createdBy,
        pathPrefix,
        pathPrefix,
        offset,
        limit);
  }

  long countVisible(String createdBy, @Nullable String pathPrefix, boolean everything) {
    Long count =
        everything
            ? jdbc.queryForObject("SELECT COUNT(*) FROM platform_job", Long.class)
            : jdbc.queryForObject(
                "SELECT COUNT(*) FROM platform_job WHERE created_by = ? OR (? IS NOT NULL AND"
                    + " org_path LIKE CONCAT(?, '%'))",
                Long.class, createdBy, pathPrefix, pathPrefix);
    return count == null ? 0 : count;
  }

  /** Queued or already running (a revived execution): it runs now. False if it ended meanwhile. */
  boolean markRunning(UUID id, LocalDateTime now) {
    return jdbc.update(
            "UPDATE platform_job SET status = 'RUNNING', started_at = COALESCE(started_at, ?),"
                + " attempts = attempts + 1 WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
            Timestamp.valueOf(now),
            bytes(id))
        == 1;
  }

  void progress(UUID id, long done, @Nullable Long total, @Nullable String unit) {
    jdbc.update(
        "UPDATE platform_job SET progress_done = ?, progress_total = ?, progress_unit = ?"
            + " WHERE id = ? AND status = 'RUNNING'",
        done,
        total,
        unit,
        bytes(id));
  }

  boolean cancelRequested(UUID id) {
    Boolean requested =
        jdbc.queryForObject(
            "SELECT cancel_requested FROM platform_job WHERE id = ?", Boolean.class, bytes(id));
    return Boolean.TRUE.equals(requested);
  }

  void succeed(UUID id, LocalDateTime now, @Nullable String result) {
    finish(id, JobStatus.SUCCEEDED, now, result, null);
  }

  void fail(UUID id, LocalDateTime now, String problem, @Nullable String result) {
    finish(id, JobStatus.FAILED, now, result, problem);
  }

  void cancelled(UUID id, LocalDateTime now) {
    finish(id, JobStatus.CANCELLED, now, null, null);
  }

  private void finish(
      UUID id,
      JobStatus status,
      LocalDateTime now,
      @Nullable String result,
      @Nullable String problem) {
    // progress_done = total on success: a job that skipped its last progress call still reads 100 %
    jdbc.update(
        "UPDATE platform_job SET status = ?, active_key = NULL, finished_at = ?, result = ?,"
            + " problem = ?, progress_done = CASE WHEN ? AND progress_total IS NOT NULL THEN"
            + " progress_total ELSE progress_done END WHERE id = ? AND status IN ('QUEUED',"
            + " 'RUNNING')",
        status.name(),
        Timestamp.valueOf(now),
        result,
        problem,
        status == JobStatus.SUCCEEDED,
        bytes(id));
  }

  /** A queued job is cancelled at once; true if it was still queued. */
  boolean cancelQueued(UUID id, LocalDateTime now) {
    return jdbc.update(
            "UPDATE platform_job SET status = 'CANCELLED', active_key = NULL, finished_at = ?"
                + " WHERE id = ? AND status = 'QUEUED'",
            Timestamp.valueOf(now),
            bytes(id))
        == 1;
  }

  /** A running job is asked to stop; its work sees the flag at its next check. */
  boolean requestCancel(UUID id) {
    return jdbc.update(
            "UPDATE platform_job SET cancel_requested = TRUE WHERE id = ? AND status = 'RUNNING'",
            bytes(id))
        == 1;
  }

  void fileWritten(UUID id, String name, String mediaType, long size, LocalDateTime expiresAt) {
    jdbc.update(
        "UPDATE platform_job SET file_name = ?, file_media_type = ?, file_size = ?,"
            + " file_expires_at = ? WHERE id = ?",
        name,
        mediaType,
        size,
        Timestamp.valueOf(expiresAt),
        bytes(id));
  }

  void writeChunk(UUID id, int seq, byte[] data) {
    jdbc.update(
        "INSERT INTO platform_job_file_chunk (job_id, seq, data) VALUES (?, ?, ?)",
        bytes(id),
        seq,
        data);
  }

  void deleteChunks(UUID id) {
    jdbc.update("DELETE FROM platform_job_file_chunk WHERE job_id = ?", bytes(id));
  }

  int chunkCount(UUID id) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM platform_job_file_chunk WHERE job_id = ?",
            Integer.class,
            bytes(id));
    return count == null ? 0 : count;
  }

  byte[] chunk(UUID id, int seq) {
    return jdbc.queryForObject(
        "SELECT data FROM platform_job_file_chunk WHERE job_id = ? AND seq = ?",
        byte[].class,
        bytes(id),
        seq);
  }

  /** Files past their time: chunks deleted, the job keeps its metadata (expired). */
  List<UUID> expiredFiles(LocalDateTime now) {
    return jdbc.query(
        "SELECT DISTINCT j.id FROM platform_job j JOIN platform_job_file_chunk c ON c.job_id = j.id"
            + " WHERE j.file_expires_at < ?",
        (rs, i) -> uuid(rs.getBytes(1)),
        Timestamp.valueOf(now));
  }

  /** Ended jobs older than the retention go, with any file left. */
  int deleteFinishedBefore(LocalDateTime cutoff) {
    jdbc.update(
        "DELETE c FROM platform_job_file_chunk c JOIN platform_job j ON j.id = c.job_id"
            + " WHERE j.finished_at < ?",
        Timestamp.valueOf(cutoff));
    return jdbc.update("DELETE FROM platform_job WHERE finished_at < ?", Timestamp.valueOf(cutoff));
  }

  private static JobRow row(ResultSet rs, int i) throws SQLException {
    return new JobRow(
        uuid(rs.getBytes("id")),
        rs.getString("kind"),
        JobStatus.valueOf(rs.getString("status")),
        rs.getString("active_key"),
        rs.getString("org_path"),
        rs.getString("created_by"),
        time(rs, "created_at"),
        time(rs, "started_at"),
        time(rs, "finished_at"),
        rs.getInt("attempts"),
        rs.getBoolean("cancel_requested"),
        rs.getLong("progress_done"),
        rs.getObject("progress_total", Long.class),
        rs.getString("progress_unit"),
        rs.getString("payload"),
        rs.getString("result"),
        rs.getString("problem"),
        rs.getString("file_name"),
        rs.getString("file_media_type"),
        rs.getObject("file_size", Long.class),
        time(rs, "file_expires_at"));
  }

  private static @Nullable LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toLocalDateTime();
  }
}
