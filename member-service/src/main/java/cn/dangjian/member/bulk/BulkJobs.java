package cn.dangjian.member.bulk;

import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.jobs.JobType;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.web.IdempotencyKeys;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bulk work as jobs: exports of any size (streamed into the job's file) and the apply of an
 * import's rows. What the caller may touch is decided when the job is queued and carried here; the
 * jobs are visible to whoever started them (and platform-wide callers) only, since their files and
 * reports hold personal data shaped by the starter's role.
 */
@Configuration
class BulkJobs {

  static final String MEMBERS = BulkImportService.MEMBERS;
  static final String ORGS = BulkImportService.ORGS;

  static final String MEMBER_EXPORT = "member-export";
  static final String ORG_EXPORT = "org-export";
  static final String MEMBER_IMPORT = "member-import";
  static final String ORG_IMPORT = "org-import";

  /** Who started a job, as far as the work and its audit need to know. */
  record Requester(
      String subject,
      String username,
      @Nullable UUID orgId,
      DataScope.Kind scopeKind,
      @Nullable String scopePath) {

    static Requester of(Caller caller, DataScope scope) {
      return new Requester(
          caller.subject(),
          caller.username(),
          caller.orgId().orElse(null),
          scope.kind(),
          scope.pathPrefix());
    }

    Caller caller() {
      return new Caller(subject, username, Set.of(), Optional.ofNullable(orgId), Optional.empty());
    }

    DataScope scope() {
      return new DataScope(scopeKind, scopePath, null);
    }
  }

  /**
   * An export: members or orgs, the format, the plan decided with the caller's scope and role, and
   * the audit's filter text.
   */
  record ExportJob(
      String target,
      ExportFormat format,
      BulkExportService.Plan plan,
      String filter,
      Requester by) {}

  /** An export job's result: rows written (the file is the job's {@code file}). */
  record Exported(long rows) {}

  /**
   * Resumable: an export only reads, and a resumed run writes its file again from the start.
   * Cancellable while running: it stops between pages and its partial file is discarded.
   */
  @Bean
  JobType<ExportJob> memberExportJob(BulkExportService exports) {
    return new JobType<>(MEMBER_EXPORT, ExportJob.class, true, true, exports::export);
  }

  /** As {@link #memberExportJob}. */
  @Bean
  JobType<ExportJob> orgExportJob(BulkExportService exports) {
    return new JobType<>(ORG_EXPORT, ExportJob.class, true, true, exports::export);
  }

  /**
   * The apply of an import's rows: target, mode, parent, the starter's scope and language, and the
   * rows as read from the file (validated before queueing), sealed with the personal-data key.
   */
  record ImportJob(
      String target,
      ImportMode mode,
      @Nullable UUID parentId,
      Requester by,
      String locale,
      String fingerprint,
      String sealedRows) {}

  /**
   * Not resumable: a per-row import commits row by row, so running it again after a restart would
   * report (members) or create again (organisations) the rows already written; an all-or-nothing
   * one was rolled back, and its user simply starts it again. Not cancellable while running: an
   * all-or-nothing import is one transaction, which cannot see the request to stop.
   */
  @Bean
  JobType<ImportJob> memberImportJob(BulkImportService imports) {
    return new JobType<>(MEMBER_IMPORT, ImportJob.class, false, false, imports::apply);
  }

  /** As {@link #memberImportJob}. */
  @Bean
  JobType<ImportJob> orgImportJob(BulkImportService imports) {
    return new JobType<>(ORG_IMPORT, ImportJob.class, false, false, imports::apply);
  }

  /**
   * Queues an export, or returns the one the same caller is running for the same rows and format.
   */
  static JobView submitExport(
      Jobs jobs,
      String target,
      ExportFormat format,
      BulkExportService.Plan plan,
      @Nullable UUID orgId,
      Caller caller,
      DataScope scope) {
    String filter = "orgId=" + (orgId == null ? "" : orgId) + ";format=" + format.extension();
    String kind = MEMBERS.equals(target) ? MEMBER_EXPORT : ORG_EXPORT;
    String naturalKey =
        IdempotencyKeys.fingerprint(
            caller.username(),
            String.valueOf(plan.prefix()),
            String.valueOf(plan.fullBirthDates()),
            format.extension());
    return jobs.submit(
        kind,
        new ExportJob(target, format, plan, filter, Requester.of(caller, scope)),
        naturalKey,
        null,
        caller.username());
  }
}
