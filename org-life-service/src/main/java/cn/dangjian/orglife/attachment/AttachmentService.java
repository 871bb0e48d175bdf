package cn.dangjian.orglife.attachment;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.meeting.Meeting;
import cn.dangjian.orglife.meeting.MeetingQueries;
import cn.dangjian.orglife.meeting.MeetingStatus;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** Meeting attachments (photos, sign-in sheets): checked, stored, listed, downloaded. */
@Service
public class AttachmentService {

  private static final Set<MeetingStatus> OPEN_FOR_FILES =
      Set.of(MeetingStatus.PLANNED, MeetingStatus.HELD, MeetingStatus.RETURNED);

  private final JdbcTemplate jdbc;
  private final MeetingQueries meetings;
  private final AttachmentStorage storage;
  private final OrgLifeProperties properties;
  private final Clock clock;

  AttachmentService(
      JdbcTemplate jdbc,
      MeetingQueries meetings,
      AttachmentStorage storage,
      OrgLifeProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.meetings = meetings;
    this.storage = storage;
    this.properties = properties;
    this.clock = clock;
  }

  @Schema(description = "会议附件 (an attachment)")
  public record AttachmentView(
      UUID id,
      UUID meetingId,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      String uploadedBy,
      Instant uploadedAt) {}

  /** An attachment's metadata and its bytes. */
  public record Download(AttachmentView attachment, InputStream content) {}

  @Transactional
  public AttachmentView upload(UUID meetingId, MultipartFile file, DataScope scope, String by) {
    Meeting m = meetings.get(meetingId, scope);
    if (scope.kind() == DataScope.Kind.SELF) {
      throw ProblemException.notFound("meeting.not-found", meetingId);
    }
    if (!OPEN_FOR_FILES.contains(m.getStatus())) {
      throw ProblemException.businessRule(
          "attachments-only-before-submission",
          "attachment.rule.only-before-submission",
          m.getStatus().label());
    }
    long max = properties.getAttachments().getMaxSize().toBytes();
    if (file.isEmpty()) {
      throw ProblemException.businessRule("attachment-not-empty", "attachment.rule.empty");
    }
    if (file.getSize() > max) {
      throw new MaxUploadSizeExceededException(max);
    }
    String type = AttachmentRules.normalisedType(file.getContentType());
    AttachmentRules.checkType(type, properties.getAttachments().getAllowedTypes());
    UUID id = UuidV7.next();
    String key = FilesystemAttachmentStorage.keyFor(id);
    AttachmentStorage.Stored stored;
    try (InputStream in = new BufferedInputStream(file.getInputStream())) {
      in.mark(512);
      byte[] head = in.readNBytes(512);
      in.reset();
      AttachmentRules.checkContent(type, head);
      stored = storage.store(key, in, max);
    } catch (AttachmentStorage.TooLargeException e) {
      throw new MaxUploadSizeExceededException(max);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant now = clock.instant();
    String name = AttachmentRules.fileName(file.getOriginalFilename());
    try {
      jdbc.update(
          "INSERT INTO attachment (id, meeting_id, file_name, content_type, size_bytes, sha256,"
              + " storage_key, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?)",
          bytes(id),
          bytes(meetingId),
          name,
          type,
          stored.size(),
          stored.sha256(),
          key,
          by,
          Timestamp.from(now));
    } catch (RuntimeException e) {
      deleteQuietly(key);
      throw e;
    }
    return new AttachmentView(id, meetingId, name, type, stored.size(), stored.sha256(), by, now);
  }

  @Transactional(readOnly = true)
  public List<AttachmentView> list(UUID meetingId, DataScope scope) {
    meetings.get(meetingId, scope);
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

  @Transactional(readOnly = true)
  public Download download(UUID meetingId, UUID attachmentId, DataScope scope) {
    AttachmentView a =
        list(meetingId, scope).stream()
            .filter(x -> x.id().equals(attachmentId))
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("attachment.not-found", attachmentId));
    try {
      return new Download(a, storage.open(FilesystemAttachmentStorage.keyFor(attachmentId)));
    } catch (IOException e) {
      throw ProblemException.notFound("attachment.not-found", attachmentId);
    }
  }

  @Transactional
  public void delete(UUID meetingId, UUID attachmentId, DataScope scope) {
    Meeting m = meetings.get(meetingId, scope);
    if (scope.kind() == DataScope.Kind.SELF) {
      throw ProblemException.notFound("meeting.not-found", meetingId);
    }
    if (!OPEN_FOR_FILES.contains(m.getStatus())) {
      throw ProblemException.businessRule(
          "attachments-only-before-submission",
          "attachment.rule.only-before-submission",
          m.getStatus().label());
    }
    int n =
        jdbc.update(
            "DELETE FROM attachment WHERE id = ? AND meeting_id = ?",
            bytes(attachmentId),
            bytes(meetingId));
    if (n == 0) {
      throw ProblemException.notFound("attachment.not-found", attachmentId);
    }
    deleteQuietly(FilesystemAttachmentStorage.keyFor(attachmentId));
  }

  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (IOException | RuntimeException ignored) {
      // an orphaned file is harmless; the row is what lists and downloads read
    }
  }
}
