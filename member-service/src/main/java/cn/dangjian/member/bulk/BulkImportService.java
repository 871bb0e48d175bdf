package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.BulkViews.ImportReport;
import cn.dangjian.member.bulk.RawTable.RawRow;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRequests.CreateOrg;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberRequests.RegisterMember;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.privacy.CallerRateLimits;
import cn.dangjian.member.privacy.PrivacyAudit;
import cn.dangjian.member.privacy.PrivacyAuditLog;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.web.IdempotencyKeys;
import cn.dangjian.platform.web.IdempotencyKeys.StoredResponse;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import of members and organisations. Every row goes through the same path as a single
 * request: the API's request record and Bean Validation, then {@link MemberService#register} or
 * {@link OrgService#create} with the caller's data scope, whose domain rules and outbox events
 * apply unchanged.
 */
@Service
public class BulkImportService {

  static final String MEMBERS = "members";
  static final String ORGS = "orgs";

  private final MemberService members;
  private final OrgService orgs;
  private final DataScopeResolver scopes;
  private final Validator validator;
  private final ImportExecutor executor;
  private final BulkReports reports;
  private final IdempotencyKeys idempotency;
  private final BulkProperties properties;
  private final JsonMapper json;
  private final CallerRateLimits limits;
  private final PrivacyAuditLog privacyAudit;

  BulkImportService(
      MemberService members,
      OrgService orgs,
      DataScopeResolver scopes,
      Validator validator,
      ImportExecutor executor,
      BulkReports reports,
      IdempotencyKeys idempotency,
      BulkProperties properties,
      JsonMapper json,
      CallerRateLimits limits,
      PrivacyAuditLog privacyAudit) {
    this.limits = limits;
    this.privacyAudit = privacyAudit;
    this.members = members;
    this.orgs = orgs;
    this.scopes = scopes;
    this.validator = validator;
    this.executor = executor;
    this.reports = reports;
    this.idempotency = idempotency;
    this.properties = properties;
    this.json = json;
  }

  public ImportOutcome importMembers(
      Upload upload, ImportMode mode, boolean dryRun, String idempotencyKey, Caller caller) {
    if (dryRun) {
      // A dry run answers "is this ID number registered?" for every row without writing anything:
      // limited per caller and audited, so it is no free platform-wide membership oracle.
      limits.acquire(CallerRateLimits.Purpose.IMPORT_DRY_RUN, caller);
    }
    RawTable table = read(upload);
    ResolvedHeader<MemberColumn> header = header(table, MemberColumn.values());
    DataScope scope = scopes.resolve(caller);
    if (dryRun) {
      privacyAudit.record(
          PrivacyAudit.Kind.IMPORT_DRY_RUN,
          caller,
          scope,
          "file=" + upload.filename() + ";sha256=" + upload.sha256(),
          (long) table.rows().size(),
          false);
    }
    String fingerprint = fingerprint(MEMBERS, mode, null, upload);
    return once(
        caller,
        idempotencyKey,
        dryRun,
        fingerprint,
        () -> {
          List<RowState<RegisterMember>> rows =
              mapRows(table, row -> MemberRows.map(row, header, validator));
          MemberRows.rejectDuplicateIdNumbers(rows);
          LocalDate today = members.today();
          executor.run(
              rows,
              mode,
              dryRun,
              new RowWriter<>() {
                @Override
                public void write(RowState<RegisterMember> row) {
                  Member member = members.register(row.request(), scope);
                  row.created(member.getId());
                }

                @Override
                public BulkColumn columnFor(String rule, RowState<RegisterMember> row) {
                  return RuleColumns.forMember(rule, row.request(), today);
                }
              });
          return reports.report(mode, dryRun, rows, header);
        });
  }

  /**
   * @param parentId when given, the parent of every row that names no parent row (上级临时编号): imports
   *     the file as a subtree under that organisation, e.g. an export of another branch
   */
  public ImportOutcome importOrgs(
      Upload upload,
      UUID parentId,
      ImportMode mode,
      boolean dryRun,
      String idempotencyKey,
      Caller caller) {
    RawTable table = read(upload);
    ResolvedHeader<OrgColumn> header = header(table, OrgColumn.values());
    DataScope scope = scopes.resolve(caller);
    if (parentId != null) {
      orgs.get(parentId, scope); // 404 for a parent outside the caller's scope, before anything
    }
    String fingerprint = fingerprint(ORGS, mode, parentId, upload);
    return once(
        caller,
        idempotencyKey,
        dryRun,
        fingerprint,
        () -> {
          List<RowState<OrgRow>> rows = mapRows(table, row -> OrgRows.map(row, header, validator));
          OrgRows.checkKeys(rows);
          Map<String, RowState<OrgRow>> byKey = new HashMap<>();
          for (RowState<OrgRow> row : rows) {
            String key = row.cell(OrgColumn.KEY);
            if (key != null) {
              byKey.putIfAbsent(key, row);
            }
          }
          executor.run(
              rows,
              mode,
              dryRun,
              new RowWriter<>() {
                @Override
                public void write(RowState<OrgRow> row) {
                  OrgRow request = row.request();
                  UUID parent = parentId != null ? parentId : request.parentId();
                  if (request.parentKey() != null) {
                    RowState<OrgRow> parentRow = byKey.get(request.parentKey());
                    if (parentRow.createdId() == null) {
                      throw ProblemException.businessRule(
                          "parent-row-failed",
                          "bulk.row.parent-row-failed",
                          String.valueOf(parentRow.number()));
                    }
                    parent = parentRow.createdId();
                  }
                  Org org =
                      orgs.create(new CreateOrg(parent, request.name(), request.type()), scope);
                  row.created(org.getId());
                }

                @Override
                public BulkColumn columnFor(String rule, RowState<OrgRow> row) {
                  if ("parent-row-failed".equals(rule)) {
                    return OrgColumn.PARENT_KEY;
                  }
                  return RuleColumns.forOrg(rule, row.request());
                }
              });
          return reports.report(mode, dryRun, rows, header);
        });
  }

  /** Raises the 422 for a rejected all-or-nothing import; otherwise hands the report back. */
  public ImportReport answer(ImportOutcome outcome) {
    if (outcome.report().rejected()) {
      throw reports.rejected(outcome.report());
    }
    return outcome.report();
  }

  private RawTable read(Upload upload) {
    return TableReader.read(
        upload.filename(), upload.contentType(), upload.bytes(), properties.maxRows());
  }

  /** The file's header matched to the columns; an unusable header rejects the whole file. */
  private <C extends Enum<C> & BulkColumn> ResolvedHeader<C> header(RawTable table, C[] columns) {
    ResolvedHeader<C> header = HeaderResolver.resolve(table.headerRow(), table.header(), columns);
    if (!header.issues().isEmpty()) {
      throw reports.headerProblem(header);
    }
    return header;
  }

  /** Every data row through one entity's row mapper, in file order. */
  private static <R> List<RowState<R>> mapRows(
      RawTable table, Function<RawRow, RowState<R>> mapper) {
    List<RowState<R>> rows = new ArrayList<>(table.rows().size());
    for (RawRow row : table.rows()) {
      rows.add(mapper.apply(row));
    }
    return rows;
  }

  /**
   * Runs an import at most once per (caller, Idempotency-Key), by the platform's one key mechanism.
   * Dry runs write nothing, so they neither use nor consume a key.
   */
  private ImportOutcome once(
      Caller caller,
      String idempotencyKey,
      boolean dryRun,
      String fingerprint,
      Supplier<ImportReport> work) {
    if (idempotencyKey == null || dryRun) {
      return new ImportOutcome(work.get(), false);
    }
    String key = IdempotencyKeys.checkKey(idempotencyKey);
    String principal = caller.subject();
    var stored = idempotency.claim(principal, key, fingerprint);
    if (stored.isPresent()) {
      return new ImportOutcome(json.readValue(stored.get().body(), ImportReport.class), true);
    }
    ImportReport report;
    try {
      report = work.get();
    } catch (RuntimeException e) {
      idempotency.release(principal, key);
      throw e;
    }
    if (report.rejected()) {
      idempotency.release(principal, key); // nothing written: the corrected file may reuse the key
    } else {
      idempotency.complete(
          principal,
          key,
          new StoredResponse(
              HttpStatus.OK.value(),
              "application/json",
              null,
              null,
              json.writeValueAsString(report)));
    }
    return new ImportOutcome(report, false);
  }

  /** What a retry must repeat to be the same import: target, mode, parent and the file itself. */
  static String fingerprint(String target, ImportMode mode, UUID parentId, Upload upload) {
    return IdempotencyKeys.fingerprint(
        "bulk-import", target, mode.name(), String.valueOf(parentId), upload.sha256());
  }
}
