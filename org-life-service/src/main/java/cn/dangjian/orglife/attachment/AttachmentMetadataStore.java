package cn.dangjian.orglife.attachment;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The attachment rows (name, type, size, hash, storage key); the bytes are in the storage. */
@Repository
class AttachmentMetadataStore {

  private final JdbcTemplate jdbc;

  AttachmentMetadataStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(AttachmentView a, String storageKey) {
    jdbc.update(
        "INSERT INTO attachment (id, meeting_id, file_name, content_type, size_bytes, sha256,"
            + " storage_key, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?)",
        bytes(a.id()),
        bytes(a.meetingId()),
        a.fileName(),
        a.contentType(),
        a.sizeBytes(),
        a.sha256(),
        storageKey,
        a.uploadedBy(),
        Timestamp.from(a.uploadedAt()));
  }

  /** A meeting's attachments, oldest first. */
  List<AttachmentView> of(UUID meetingId) {
    return jdbc.query(
        "SELECT id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM"
            + " attachment WHERE meeting_id = ? ORDER BY uploaded_at",
        (rs, n) ->
            new AttachmentView(
                uuid(rs.getBytes(1)),
                meetingId,
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant()),
        (Object) bytes(meetingId));
  }

  /** Deletes an attachment of the meeting; returns the rows deleted (0: no such attachment). */
  int delete(UUID meetingId, UUID attachmentId) {
    return jdbc.update(
        "DELETE FROM attachment WHERE id = ? AND meeting_id = ?",
        bytes(attachmentId),
        bytes(meetingId));
  }
}
