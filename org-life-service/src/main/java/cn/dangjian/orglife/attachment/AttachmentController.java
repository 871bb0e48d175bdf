package cn.dangjian.orglife.attachment;

import cn.dangjian.orglife.attachment.AttachmentService.Download;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/org-life/meetings/{meetingId}/attachments")
@Tag(name = "会议附件 Attachments", description = "照片、签到表、课件；大小与类型受限 (meeting attachments)")
class AttachmentController {

  private final AttachmentService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  AttachmentController(AttachmentService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "上传附件（报送前；jpg/png/pdf/docx/xlsx/txt，默认最大10MB） (upload)")
  ResponseEntity<AttachmentView> upload(
      @PathVariable UUID meetingId, @RequestPart("file") MultipartFile file) {
    Caller c = caller.get();
    AttachmentView v = service.upload(meetingId, file, scopes.resolve(c), c.username());
    return ResponseEntity.created(
            URI.create("/api/org-life/meetings/" + meetingId + "/attachments/" + v.id()))
        .body(v);
  }

  @GetMapping
  @Operation(summary = "附件列表 (list)")
  List<AttachmentView> list(@PathVariable UUID meetingId) {
    return service.list(meetingId, scopes.resolve(caller.get()));
  }

  @GetMapping("/{attachmentId}")
  @Operation(summary = "下载附件 (download)")
  ResponseEntity<InputStreamResource> download(
      @PathVariable UUID meetingId, @PathVariable UUID attachmentId) {
    Download d = service.download(meetingId, attachmentId, scopes.resolve(caller.get()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.attachment().contentType()))
        .contentLength(d.attachment().sizeBytes())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(d.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(d.content()));
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{attachmentId}")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "删除附件（报送前） (delete, before submission)")
  ResponseEntity<Void> delete(@PathVariable UUID meetingId, @PathVariable UUID attachmentId) {
    service.delete(meetingId, attachmentId, scopes.resolve(caller.get()));
    return ResponseEntity.noContent().build();
  }
}
