package cn.dangjian.orglife.attachment;

import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.meeting.Meeting;
import cn.dangjian.orglife.meeting.MeetingQueries;
import cn.dangjian.orglife.meeting.MeetingStatus;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** Meeting attachments (photos, sign-in sheets): checked, stored, listed, downloaded. */
@Service
public class AttachmentService {

  private static final Set<MeetingStatus> OPEN_FOR_FILES =
      Set.of(MeetingStatus.PLANNED, MeetingStatus.HELD, MeetingStatus.RETURNED);

  private final AttachmentMetadataStore metadata;
  private final MeetingQueries meetings;
  private final AttachmentStorage storage;
  private final OrgLifeProperties properties;
  private final Clock clock;

  AttachmentService(
      AttachmentMetadataStore metadata,
      MeetingQueries meetings,
      AttachmentStorage storage,
      OrgLifeProperties properties,
      Clock clock) {
    this.metadata = metadata;
    this.meetings = meetings;
    this.storage = storage;
    this.properties = properties;
    this.clock = clock;
  }

  /** An attachment's metadata and its bytes. */
  public record Download(AttachmentView attachment, InputStream content) {}

  @Transactional
  public AttachmentView upload(UUID meetingId, MultipartFile file, DataScope scope, String by) {
    checkOpenForFiles(meetingId, scope);
    long max = properties.attachments().maxSize().toBytes();
    if (file.isEmpty()) {
      throw ProblemException.businessRule("attachment-not-empty", "attachment.rule.empty");
    }
    if (file.getSize() > max) {
      throw new MaxUploadSizeExceededException(max);
    }
    String type = AttachmentRules.normalisedType(file.getContentType());
    AttachmentRules.checkType(type, properties.attachments().allowedTypes());
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
    AttachmentView view =
        new AttachmentView(id, meetingId, name, type, stored.size(), stored.sha256(), by, now);
    try {
      metadata.insert(view, key);
    } catch (RuntimeException e) {
      deleteQuietly(key);
      throw e;
    }
    return view;
  }

  @Transactional(readOnly = true)
  public List<AttachmentView> list(UUID meetingId, DataScope scope) {
    meetings.get(meetingId, scope);
    return metadata.of(meetingId);
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
    checkOpenForFiles(meetingId, scope);
    if (metadata.delete(meetingId, attachmentId) == 0) {
      throw ProblemException.notFound("attachment.not-found", attachmentId);
    }
    deleteQuietly(FilesystemAttachmentStorage.keyFor(attachmentId));
  }

  /**
   * Files change only while the record is being written, and never by a member acting for
   * themselves (to whom another org's meeting does not exist).
   */
  private void checkOpenForFiles(UUID meetingId, DataScope scope) {
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
  }

  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (IOException | RuntimeException ignored) {
      // an orphaned file is harmless; the row is what lists and downloads read
    }
  }
}
