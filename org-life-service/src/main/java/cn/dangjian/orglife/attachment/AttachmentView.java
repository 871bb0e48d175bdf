package cn.dangjian.orglife.attachment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

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
