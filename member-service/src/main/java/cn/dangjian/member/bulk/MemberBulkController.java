package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.BulkViews.ImportReport;
import cn.dangjian.member.privacy.PersonalDataPolicy;
import cn.dangjian.member.privacy.PrivacyAudit;
import cn.dangjian.member.privacy.PrivacyAuditLog;
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
@RequestMapping("/api/members")
@Tag(name = BulkApi.TAG, description = BulkApi.TAG_DESCRIPTION)
class MemberBulkController {

  private final BulkImportService imports;
  private final BulkExportService exports;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;
  private final PrivacyAuditLog privacyAudit;
  private final Jobs jobs;

  MemberBulkController(
      BulkImportService imports,
      BulkExportService exports,
      CurrentCaller caller,
      DataScopeResolver scopes,
      PrivacyAuditLog privacyAudit,
      Jobs jobs) {
    this.privacyAudit = privacyAudit;
    this.jobs = jobs;
    this.imports = imports;
    this.exports = exports;
    this.caller = caller;
    this.scopes = scopes;
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "importMembers",
      summary = "批量导入党员 (bulk import members)",
      description =
          "上传 .xlsx 或 UTF-8 CSV（可带 BOM），第1行为表头：所在组织ID、姓名、性别、民族、出生日期、身份证号、手机号、学历、"
              + "学历类别、工作单位、职务、职业、发展阶段、党费类别、入党日期、转正日期（也可用英文字段名）；学历类别和职业填中文名称"
              + "或代码（见登记党员），学历类别不填则按学历文字归类。每行按与“登记党员”相同的规则校验，"
              + "只能导入到调用者管辖的党支部。ALL_OR_NOTHING（默认）：任一行有错则整个文件不导入；"
              + "PER_ROW：正确的行逐行导入，报告列出被拒绝的行。dryRun=true 只校验不写入。带 Idempotency-Key 重试"
              + "同一文件时返回第一次的202与任务（响应头 Idempotency-Replayed: true），不会重复导入；同一 Key 换了文件为 422；"
              + "被整体拒绝（422）的导入不占用 Key，改正后的文件可继续使用。"
              + BulkApi.IMPORT_JOB_DESCRIPTION
              + " "
              + " Upload .xlsx or UTF-8 CSV with a header row (Chinese labels or English field names);"
              + " 学历类别 (educationLevel) and 职业 (occupation) take the label or the code, a missing"
              + " 学历类别 is classified from 学历. Each row is checked like a single registration and limited to the caller's scope."
              + " ALL_OR_NOTHING (default) writes nothing if any row fails; PER_ROW writes the valid"
              + " rows, each in its own transaction. dryRun only validates. A retry with the same"
              + " Idempotency-Key and file gets the first 202 and job (Idempotency-Replayed: true)"
              + " without importing twice; the key with another file is 422; a rejected (422)"
              + " import does not use up its key.")
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
      description = "文件为空、表头有误（未知列、缺少必填列）、超过行数上限或无法读取 (file-level problem)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "415",
      description = "不支持的文件类型（如 .xls） (unsupported file type)",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<Object> importMembers(
      @Parameter(
              description = "导入文件 .xlsx 或 .csv (the file)",
              content = @Content(schema = @Schema(type = "string", format = "binary")))
          @RequestPart("file")
          MultipartFile file,
      @Parameter(description = "导入方式 (mode)") @RequestParam(defaultValue = "ALL_OR_NOTHING")
          ImportMode mode,
      @Parameter(description = "只校验不写入 (validate only)") @RequestParam(defaultValue = "false")
          boolean dryRun,
      @Parameter(description = "幂等键：重试时带上同一个值 (retry key)")
          @RequestHeader(value = BulkApi.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey)
      throws IOException {
    ImportOutcome outcome =
        imports.importMembers(BulkApi.upload(file), mode, dryRun, idempotencyKey, caller.get());
    return BulkApi.respond(outcome, imports, jobs);
  }

  @GetMapping("/export")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "exportMembers",
      summary = "导出党员名册 (export members)",
      description =
          "导出某组织及其下级组织的全部党员（不指定 orgId 则为调用者管辖范围），列与导入模板相同；身份证号和手机号脱敏，"
              + "导出文件中不含明文个人敏感信息；出生日期仅对书记和平台管理员完整导出，其他角色只导出出生年份。"
              + "超过 dangjian.bulk.export-max-rows（默认10000）行时返回 422（rule=export-too-large），请缩小范围"
              + "或改用导出任务 POST /api/members/exports；"
              + "每次导出都记入审计。CSV 带 BOM，Excel 可直接打开。"
              + " All members of a subtree (or the caller's scope) in the import's columns, streamed;"
              + " ID numbers and phones are masked, never plaintext; the birth date is the year only"
              + " unless the caller is a secretary or platform admin. Above"
              + " dangjian.bulk.export-max-rows (default 10000) rows: 422 (rule export-too-large),"
              + " narrow the filter or start the export as a job (POST /api/members/exports). Every"
              + " export is audited. CSV carries a BOM for Excel.")
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
  void exportMembers(
      @Parameter(description = "组织ID：该组织及其下级 (subtree root)") @RequestParam(required = false)
          UUID orgId,
      @Parameter(description = "格式 csv 或 xlsx (format)") @RequestParam(defaultValue = "xlsx")
          String format,
      HttpServletResponse response)
      throws IOException {
    ExportFormat fileFormat = BulkApi.exportFormat(format);
    Caller current = caller.get();
    DataScope scope = scopes.resolve(current);
    BulkExportService.Plan plan = exports.plan(scope, orgId, PersonalDataPolicy.mayUnmask(current));
    exports.checkMemberExportSize(plan);
    long rows =
        exports.memberFile(fileFormat).writeTo(response, file -> exports.writeMembers(plan, file));
    // ID numbers and phones are always masked in a file; full birth dates count as unmasked
    privacyAudit.record(
        PrivacyAudit.Kind.MEMBER_EXPORT,
        current,
        scope,
        "orgId=" + (orgId == null ? "" : orgId) + ";format=" + fileFormat.extension(),
        rows,
        plan.fullBirthDates());
  }

  @PostMapping("/exports")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "startMemberExport",
      summary = "导出党员名册（后台任务） (export members, as a job)",
      description = BulkApi.EXPORT_JOB_DESCRIPTION)
  ResponseEntity<JobView> startExport(@Valid @RequestBody BulkApi.ExportRequest body) {
    ExportFormat fileFormat = body.fileFormat();
    Caller current = caller.get();
    DataScope scope = scopes.resolve(current);
    BulkExportService.Plan plan =
        exports.plan(scope, body.orgId(), PersonalDataPolicy.mayUnmask(current));
    return jobs.accepted(
        BulkJobs.submitExport(
            jobs, BulkJobs.MEMBERS, fileFormat, plan, body.orgId(), current, scope));
  }
}
