package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.BulkViews.ImportReport;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/orgs")
@Tag(name = BulkApi.TAG, description = BulkApi.TAG_DESCRIPTION)
class OrgBulkController {

  private final BulkImportService imports;
  private final BulkExportService exports;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;
  private final Jobs jobs;

  OrgBulkController(
      BulkImportService imports,
      BulkExportService exports,
      CurrentCaller caller,
      DataScopeResolver scopes,
      Jobs jobs) {
    this.jobs = jobs;
    this.imports = imports;
    this.exports = exports;
    this.caller = caller;
    this.scopes = scopes;
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "importOrgs",
      summary = "批量导入党组织 (bulk import organisations)",
      description =
          "上传 .xlsx 或 UTF-8 CSV，表头：临时编号、上级临时编号、上级组织ID、组织名称、组织类型，可选单位类型、隶属关系"
              + "（填中文名称或代码，见创建党组织）。上级可以是已有组织（上级组织ID），"
              + "也可以是文件中更靠前的一行（上级临时编号 = 该行的临时编号），因此可一次导入整棵子树；导出的组织文件可原样导入。"
              + "parentId：把文件中没有上级临时编号的行都挂到该组织之下（例如把另一支部导出的结构导入到这里）。"
              + "导入方式、dryRun、Idempotency-Key 与党员导入相同。"
              + BulkApi.IMPORT_JOB_DESCRIPTION
              + " "
              + " Header: 临时编号 (key), 上级临时编号 (parentKey), 上级组织ID (parentId), 组织名称 (name),"
              + " 组织类型 (type), optionally 单位类型 (unitType) and 隶属关系 (affiliation) as label or"
              + " code. A parent is an existing org or an earlier row (by key), so a whole"
              + " subtree imports at once; an org export re-imports as is. parentId places every row"
              + " without a parent key under that org. Modes, dryRun and Idempotency-Key as for"
              + " members.")
  @ApiResponse(
      responseCode = "200",
      description = "dryRun：校验报告 (dry run: the report)",
      content = @Content(schema = @Schema(implementation = ImportReport.class)))
  @ApiResponse(
      responseCode = "202",
      description = "写入任务已开始 (the job writing the rows)",
      content = @Content(schema = @Schema(implementation = JobView.class)))
  @ApiResponse(
      responseCode = "422",
      description = "全部成功才导入且有格式错误的行，未写入任何数据；problem+json 附报告 (rejected; report attached)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "400",
      description = "文件为空、表头有误、超过行数上限或无法读取 (file-level problem)",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<Object> importOrgs(
      @Parameter(
              description = "导入文件 .xlsx 或 .csv (the file)",
              content = @Content(schema = @Schema(type = "string", format = "binary")))
          @RequestPart("file")
          MultipartFile file,
      @Parameter(description = "导入到该组织之下 (place the file's top rows under this org)")
          @RequestParam(required = false)
          UUID parentId,
      @Parameter(description = "导入方式 (mode)") @RequestParam(defaultValue = "ALL_OR_NOTHING")
          ImportMode mode,
      @Parameter(description = "只校验不写入 (validate only)") @RequestParam(defaultValue = "false")
          boolean dryRun,
      @Parameter(description = "幂等键：重试时带上同一个值 (retry key)")
          @RequestHeader(value = BulkApi.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey)
      throws IOException {
    ImportOutcome outcome =
        imports.importOrgs(
            BulkApi.upload(file), parentId, mode, dryRun, idempotencyKey, caller.get());
    return BulkApi.respond(outcome, imports, jobs);
  }

  @GetMapping("/export")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "exportOrgs",
      summary = "导出党组织 (export organisations)",
      description =
          "导出某组织及其全部下级组织（不指定 orgId 则为调用者管辖范围），上级在前，列与导入相同，可直接导入到另一上级组织之下。"
              + "超过 dangjian.bulk.export-max-rows（默认10000）行时返回 422（rule=export-too-large），请缩小范围"
              + "或改用导出任务 POST /api/orgs/exports。"
              + " A subtree (or the caller's scope), parents first, in the import's columns; the"
              + " file re-imports under another parent. Above dangjian.bulk.export-max-rows"
              + " (default 10000) rows: 422 (rule export-too-large); narrow the filter or start the"
              + " export as a job (POST /api/orgs/exports).")
  @ApiResponse(
      responseCode = "422",
      description = "超过导出行数上限，请缩小范围或改用导出任务 (too many rows; narrow the filter or use the job)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "200",
      description = "文件 (the file)",
      content = {
        @Content(mediaType = "text/csv"),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      })
  void exportOrgs(
      @Parameter(description = "组织ID：该组织及其下级 (subtree root)") @RequestParam(required = false)
          UUID orgId,
      @Parameter(description = "格式 csv 或 xlsx (format)") @RequestParam(defaultValue = "xlsx")
          String format,
      HttpServletResponse response)
      throws IOException {
    ExportFormat fileFormat = BulkApi.exportFormat(format);
    BulkExportService.Plan plan = exports.plan(scopes.resolve(caller.get()), orgId);
    exports.checkOrgExportSize(plan);
    exports.orgFile(fileFormat).writeTo(response, file -> exports.writeOrgs(plan, file));
  }

  @PostMapping("/exports")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "startOrgExport",
      summary = "导出党组织（后台任务） (export organisations, as a job)",
      description = BulkApi.EXPORT_JOB_DESCRIPTION)
  ResponseEntity<JobView> startExport(@Valid @RequestBody BulkApi.ExportRequest body) {
    ExportFormat fileFormat = body.fileFormat();
    Caller current = caller.get();
    DataScope scope = scopes.resolve(current);
    BulkExportService.Plan plan = exports.plan(scope, body.orgId());
    return jobs.accepted(
        BulkJobs.submitExport(jobs, BulkJobs.ORGS, fileFormat, plan, body.orgId(), current, scope));
  }
}
