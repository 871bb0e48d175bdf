package cn.dangjian.platform.jobs;

import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The job resource under the service's {@code dangjian.jobs.path}: follow, list, cancel, download.
 * Who may see a job: whoever started it, and officers whose scope covers the org it is about.
 */
@RestController
@RequestMapping("${dangjian.jobs.path}")
@Validated
@Tag(name = "后台任务 jobs", description = "耗时操作以任务执行：查询进度、取消、下载生成的文件")
class JobController {

  private final Jobs jobs;
  private final CurrentCaller callers;
  private final DataScopeResolver scopes;

  JobController(Jobs jobs, CurrentCaller callers, DataScopeResolver scopes) {
    this.jobs = jobs;
    this.callers = callers;
    this.scopes = scopes;
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询任务 (a job: status, progress, result)")
  JobView get(@PathVariable UUID id) {
    Caller caller = callers.get();
    return jobs.get(id, caller, scopes.resolve(caller));
  }

  @GetMapping
  @Operation(summary = "最近的任务 (recent jobs the caller may see, newest first)")
  PageResponse<JobView> list(
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
          int size) {
    Caller caller = callers.get();
    DataScope scope = scopes.resolve(caller);
    return PageResponse.of(
        jobs.recent(caller, scope, page, size), page, size, jobs.countVisible(caller, scope));
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "取消任务 (cancel a job)",
      description =
          "排队中的任务立即取消；执行中的任务在其下一个检查点停止（状态随后变为 CANCELLED），不支持中途取消的类型为422；"
              + "已结束的任务为409。 Queued: cancelled at once; running: stops at its next check.")
  JobView cancel(@PathVariable UUID id) {
    Caller caller = callers.get();
    return jobs.cancel(id, caller, scopes.resolve(caller));
  }

  @GetMapping("/{id}/file")
  @Operation(
      operationId = "downloadJobFile",
      summary = "下载任务生成的文件 (download the job's file)",
      description = "文件保留期见 file.expiresAt；过期后为404。 Kept until file.expiresAt.")
  @ApiResponse(
      responseCode = "200",
      description = "文件 (the file)",
      content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = "string", format = "binary"))
      })
  ResponseEntity<StreamingResponseBody> file(@PathVariable UUID id) {
    Caller caller = callers.get();
    Jobs.JobFileDownload file = jobs.file(id, caller, scopes.resolve(caller));
    ContentDisposition.Builder attachment = ContentDisposition.attachment();
    boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(file.name());
    ResponseEntity.BodyBuilder response =
        ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_TYPE, file.mediaType())
            .header(
                HttpHeaders.CONTENT_DISPOSITION,
                (ascii
                        ? attachment.filename(file.name())
                        : attachment.filename(file.name(), StandardCharsets.UTF_8))
                    .build()
                    .toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header("X-Content-Type-Options", "nosniff");
    if (file.size() >= 0) {
      response.contentLength(file.size());
    }
    return response.body(out -> file.content().write(out));
  }
}
