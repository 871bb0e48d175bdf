package cn.dangjian.member.bulk;

import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** What the two bulk controllers share. */
final class BulkApi {

  static final String TAG = "批量导入导出 Bulk import and export";
  static final String TAG_DESCRIPTION =
      "党员和党组织的 Excel/CSV 批量导入（逐行报错）与导出 (bulk import with row-by-row errors, export)";
  static final String IDEMPOTENCY_KEY = IdempotencyKeys.HEADER;
  static final String REPLAYED = IdempotencyKeys.REPLAYED;

  private BulkApi() {}

  /** The body of {@code POST …/exports}: the same filters as the synchronous export. */
  @Schema(description = "导出任务 (an export as a job)")
  record ExportRequest(
      @Schema(description = "组织ID：该组织及其下级；为空则为调用者管辖范围 (subtree root, or the caller's scope)")
          UUID orgId,
      @Schema(
              description = "格式，默认 xlsx (format)",
              allowableValues = {"csv", "xlsx"},
              defaultValue = "xlsx")
          @Pattern(regexp = "csv|xlsx")
          String format) {

    ExportFormat fileFormat() {
      return exportFormat(format == null ? "xlsx" : format);
    }
  }

  static final String EXPORT_JOB_DESCRIPTION =
      "以后台任务导出，不限行数：立即返回202与任务（Location 为任务地址），任务完成后 file.href 为文件下载地址"
          + "（保留期见 file.expiresAt），result.rows 为导出行数；内容、脱敏和审计与同步导出相同。同一调用者对同一范围和格式"
          + "的导出任务正在执行时，再次发起返回该任务；执行中可取消。"
          + " Runs as a job with no row cap: 202 with the job; once it succeeded, file.href"
          + " downloads the file and result.rows counts its rows. Content, masking and audit as the"
          + " synchronous export. Starting it again while it runs returns that job; cancellable.";

  /** The {@code format} parameter of an export; anything but csv or xlsx is a 400 problem. */
  static ExportFormat exportFormat(String text) {
    return ExportFormat.fromExtension(text)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.BAD_REQUEST,
                    "bulk.export.format",
                    new Object[] {text},
                    Map.of("rule", "unsupported-export-format")));
  }

  static Upload upload(MultipartFile file) throws IOException {
    return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
  }

  /**
   * 200 with the report of a dry run, the 422 problem of a refused file, or 202 with the job that
   * applies the rows ({@code Idempotency-Replayed: true} when answered again for a retry).
   */
  static ResponseEntity<Object> respond(
      ImportOutcome outcome, BulkImportService imports, Jobs jobs) {
    if (outcome.job() == null) {
      ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
      if (outcome.replayed()) {
        ok.header(REPLAYED, "true");
      }
      return ok.body(imports.answer(outcome.report()));
    }
    ResponseEntity.BodyBuilder accepted =
        ResponseEntity.status(HttpStatus.ACCEPTED)
            .location(jobs.accepted(outcome.job()).getHeaders().getLocation());
    if (outcome.replayed()) {
      accepted.header(REPLAYED, "true");
    }
    return accepted.body(outcome.job());
  }

  static final String IMPORT_JOB_DESCRIPTION =
      "文件的读取、表头和逐行格式校验在返回前完成（文件有误为400/415，ALL_OR_NOTHING 下有格式错误的行为422并附报告）；"
          + "dryRun=true 立即返回200与报告。否则以后台任务写入：立即返回202与任务（Location 为任务地址），任务成功时"
          + " result 为导入报告（ImportReport）；按 ALL_OR_NOTHING 方式有行违反业务规则时任务失败（problem.rule ="
          + " import-rejected，未写入任何数据），result 为完整报告。同一文件、同一范围的导入任务正在执行时再次上传返回该任务。"
          + " The file, its header and each row's format are checked before answering (400/415; 422"
          + " with the report for an all-or-nothing file with invalid rows); dryRun answers 200"
          + " with the report. Otherwise 202 with the job that writes the rows: on success its"
          + " result is the ImportReport; an all-or-nothing import refused by a rule ends failed"
          + " (import-rejected, nothing written) with the full report as result.";
}
