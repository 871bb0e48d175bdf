package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.BulkViews.ImportReport;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.web.IdempotencyKeys;
import java.io.IOException;
import java.util.Map;
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

  static ResponseEntity<ImportReport> respond(ImportReport report, boolean replayed) {
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
    if (replayed) {
      ok.header(REPLAYED, "true");
    }
    return ok.body(report);
  }
}
