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
import cn.dangjian.member.privacy.PersonalDataCipher;
import cn.dangjian.member.privacy.PrivacyAudit;
import cn.dangjian.member.privacy.PrivacyAuditLog;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
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
  private final PersonalDataCipher cipher;
  // looked up when a job is queued: the job types need this service, the facility needs them
  private final ObjectProvider<Jobs> jobs;

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
      PrivacyAuditLog privacyAudit,
      PersonalDataCipher cipher,
      ObjectProvider<Jobs> jobs) {
    this.cipher = cipher;
    this.jobs = jobs;
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

  /**
   * A dry run is answered at once with its report. Otherwise the file is read and every row checked
   * here (a bad file, a bad header or — all-or-nothing — a row that fails validation is a problem
   * at once, nothing written); then the rows are applied by a job ({@code member-import}).
   */
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
      return new ImportOutcome(applyMembers(table, header, mode, true, scope), null, false);
    }
    String fingerprint = fingerprint(MEMBERS, mode, null, upload);
    return once(
        caller,
        idempotencyKey,
        fingerprint,
        () ->
            checkedOrQueued(
                new BulkJobs.ImportJob(
                    MEMBERS,
                    mode,
                    null,
                    BulkJobs.Requester.of(caller, scope),
                    LocaleContextHolder.getLocale().toLanguageTag(),
                    fingerprint,
                    seal(table, fingerprint)),
                memberRows(table, header),
                header));
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
    if (dryRun) {
      return new ImportOutcome(applyOrgs(table, header, parentId, mode, true, scope), null, false);
    }
    String fingerprint = fingerprint(ORGS, mode, parentId, upload);
    return once(
        caller,
        idempotencyKey,
        fingerprint,
        () ->
            checkedOrQueued(
                new BulkJobs.ImportJob(
                    ORGS,
                    mode,
                    parentId,
                    BulkJobs.Requester.of(caller, scope),
                    LocaleContextHolder.getLocale().toLanguageTag(),
                    fingerprint,
                    seal(table, fingerprint)),
                orgRows(table, header),
                header));
  }

  /**
   * The job: the rows are read from the payload, checked again (the same pure mapping) and applied
   * with the starter's scope; a rejected all-or-nothing import ends the job failed with the 422
   * problem, its report the job's result.
   */
  ImportReport apply(BulkJobs.ImportJob job, JobContext context) {
    Locale before = LocaleContextHolder.getLocale();
    LocaleContextHolder.setLocale(Locale.forLanguageTag(job.locale()));
    try {
      RawTable table = unseal(job);
      DataScope scope = job.by().scope();
      ImportReport report =
          MEMBERS.equals(job.target())
              ? applyMembers(table, header(table, MemberColumn.values()), job.mode(), false, scope)
              : applyOrgs(
                  table,
                  header(table, OrgColumn.values()),
                  job.parentId(),
                  job.mode(),
                  false,
                  scope);
      if (report.rejected()) {
        throw reports.rejected(report);
      }
      context.progress(report.totalRows(), (long) report.totalRows(), "rows");
      return report;
    } finally {
      LocaleContextHolder.setLocale(before);
    }
  }

  private ImportReport applyMembers(
      RawTable table,
      ResolvedHeader<MemberColumn> header,
      ImportMode mode,
      boolean dryRun,
      DataScope scope) {
    List<RowState<RegisterMember>> rows = memberRows(table, header);
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
  }

  private List<RowState<RegisterMember>> memberRows(
      RawTable table, ResolvedHeader<MemberColumn> header) {
    List<RowState<RegisterMember>> rows =
        mapRows(table, row -> MemberRows.map(row, header, validator));
    MemberRows.rejectDuplicateIdNumbers(rows);
    return rows;
  }

  private List<RowState<OrgRow>> orgRows(RawTable table, ResolvedHeader<OrgColumn> header) {
    List<RowState<OrgRow>> rows = mapRows(table, row -> OrgRows.map(row, header, validator));
    OrgRows.checkKeys(rows);
    return rows;
  }

  private ImportReport applyOrgs(
      RawTable table,
      ResolvedHeader<OrgColumn> header,
      UUID parentId,
      ImportMode mode,
      boolean dryRun,
      DataScope scope) {
    List<RowState<OrgRow>> rows = orgRows(table, header);
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
                orgs.create(
                    new CreateOrg(
                        parent,
                        request.name(),
                        request.type(),
                        request.unitType(),
                        request.affiliation()),
                    scope);
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
  }

  /**
   * All-or-nothing with a row that fails validation: the 422 report at once, nothing queued.
   * Otherwise the rows are applied by a job; the same file for the same scope while its job runs
   * returns that job.
   */
  private <T> ImportOutcome checkedOrQueued(
      BulkJobs.ImportJob job, List<RowState<T>> rows, ResolvedHeader<?> header) {
    if (job.mode() == ImportMode.ALL_OR_NOTHING
        && rows.stream().anyMatch(row -> !row.issues().isEmpty())) {
      return new ImportOutcome(reports.report(job.mode(), false, rows, header), null, false);
    }
    String kind = MEMBERS.equals(job.target()) ? BulkJobs.MEMBER_IMPORT : BulkJobs.ORG_IMPORT;
    String naturalKey =
        IdempotencyKeys.fingerprint(job.fingerprint(), String.valueOf(job.by().scopePath()));
    JobView queued = jobs.getObject().submit(kind, job, naturalKey, null, job.by().username());
    return new ImportOutcome(null, queued, false);
  }

  /** The rows as read, sealed: the job's payload holds ID numbers and phones only encrypted. */
  private String seal(RawTable table, String fingerprint) {
    return cipher.encrypt(json.writeValueAsString(table), "bulk-import/" + fingerprint);
  }

  private RawTable unseal(BulkJobs.ImportJob job) {
    return json.readValue(
        cipher.decrypt(job.sealedRows(), "bulk-import/" + job.fingerprint()), RawTable.class);
  }

  /** Raises the 422 for a rejected all-or-nothing import; otherwise hands the report back. */
  public ImportReport answer(ImportReport report) {
    if (report.rejected()) {
      throw reports.rejected(report);
    }
    return report;
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
   * Starts an import at most once per (caller, Idempotency-Key), by the platform's one key
   * mechanism: a retry gets the first 202 and its job again. A refused file uses up no key.
   */
  private ImportOutcome once(
      Caller caller, String idempotencyKey, String fingerprint, Supplier<ImportOutcome> work) {
    if (idempotencyKey == null) {
      return work.get();
    }
    String key = IdempotencyKeys.checkKey(idempotencyKey);
    String principal = caller.subject();
    var stored = idempotency.claim(principal, key, fingerprint);
    if (stored.isPresent()) {
      StoredResponse first = stored.get();
      return first.status() == HttpStatus.ACCEPTED.value()
          ? new ImportOutcome(null, json.readValue(first.body(), JobView.class), true)
          : new ImportOutcome(json.readValue(first.body(), ImportReport.class), null, true);
    }
    ImportOutcome outcome;
    try {
      outcome = work.get();
    } catch (RuntimeException e) {
      idempotency.release(principal, key);
      throw e;
    }
    if (outcome.job() == null) {
      idempotency.release(principal, key); // nothing written: the corrected file may reuse the key
    } else {
      idempotency.complete(
          principal,
          key,
          new StoredResponse(
              HttpStatus.ACCEPTED.value(),
              "application/json",
              jobs.getObject().accepted(outcome.job()).getHeaders().getLocation().toString(),
              null,
              json.writeValueAsString(outcome.job())));
    }
    return outcome;
  }

  /** What a retry must repeat to be the same import: target, mode, parent and the file itself. */
  static String fingerprint(String target, ImportMode mode, UUID parentId, Upload upload) {
    return IdempotencyKeys.fingerprint(
        "bulk-import", target, mode.name(), String.valueOf(parentId), upload.sha256());
  }
}
