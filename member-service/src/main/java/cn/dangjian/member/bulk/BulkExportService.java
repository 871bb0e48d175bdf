package cn.dangjian.member.bulk;

import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.privacy.PrivacyAudit;
import cn.dangjian.member.privacy.PrivacyAuditLog;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.export.TableDownload;
import cn.dangjian.platform.export.TableWriter;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Exports members and organisations of a subtree (or the caller's whole scope) in the import's own
 * columns, page by page so memory does not grow with the subtree. ID numbers and phones are written
 * masked: an export never holds plaintext personal data.
 */
@Service
public class BulkExportService {

  private final BulkMemberReads memberReads;
  private final BulkOrgReads orgReads;
  private final MemberService members;
  private final OrgService orgs;
  private final BulkProperties properties;
  private final PrivacyAuditLog privacyAudit;

  BulkExportService(
      BulkMemberReads memberReads,
      BulkOrgReads orgReads,
      MemberService members,
      OrgService orgs,
      BulkProperties properties,
      PrivacyAuditLog privacyAudit) {
    this.memberReads = memberReads;
    this.orgReads = orgReads;
    this.members = members;
    this.orgs = orgs;
    this.properties = properties;
    this.privacyAudit = privacyAudit;
  }

  /**
   * What to export, decided before the response starts (an org outside the scope is a 404 problem,
   * not a broken download).
   *
   * @param empty nothing is visible: the file has only its header
   * @param prefix path prefix of the subtree, or null for everything
   * @param anchorPath the org whose parent lies outside the file (its row names the parent by id),
   *     or null when the file starts at the roots
   * @param fullBirthDates whether the caller may see personal data: otherwise the birth-date column
   *     holds only the year (the full date is digits 7–14 of the ID number)
   */
  public record Plan(boolean empty, String prefix, String anchorPath, boolean fullBirthDates) {}

  public Plan plan(DataScope scope, UUID orgId) {
    return plan(scope, orgId, false);
  }

  public Plan plan(DataScope scope, UUID orgId, boolean fullBirthDates) {
    if (orgId != null) {
      Org org = orgs.get(orgId, scope);
      return new Plan(false, org.getPath(), org.getPath(), fullBirthDates);
    }
    return switch (scope.kind()) {
      case ALL -> new Plan(false, null, null, fullBirthDates);
      case SUBTREE -> new Plan(false, scope.pathPrefix(), scope.pathPrefix(), fullBirthDates);
      case SELF, NOTHING -> new Plan(true, null, null, fullBirthDates);
    };
  }

  /**
   * Refuses a member export above {@code dangjian.bulk.export-max-rows} before the download starts
   * (a 422 problem telling the caller to narrow the filter); returns the expected row count.
   */
  public long checkMemberExportSize(Plan plan) {
    long rows = plan.empty() ? 0 : memberReads.countIn(plan.prefix());
    if (rows > properties.exportMaxRows()) {
      throw ProblemException.businessRule(
          "export-too-large", "bulk.export.too-large", rows, properties.exportMaxRows());
    }
    return rows;
  }

  /** The same for an organisation export. */
  public long checkOrgExportSize(Plan plan) {
    long rows = plan.empty() ? 0 : orgReads.countIn(plan.prefix());
    if (rows > properties.exportMaxRows()) {
      throw ProblemException.businessRule(
          "export-too-large", "bulk.export.too-large-orgs", rows, properties.exportMaxRows());
    }
    return rows;
  }

  /**
   * An export as a job: the whole subtree, no row cap, streamed page by page into the job's file
   * (never the whole table in memory); cancelled between pages. A roster export is audited as the
   * synchronous one is, once the file is written.
   */
  BulkJobs.Exported export(BulkJobs.ExportJob job, JobContext context) throws IOException {
    boolean roster = BulkJobs.MEMBERS.equals(job.target());
    TableDownload file = roster ? memberFile(job.format()) : orgFile(job.format());
    Plan plan = job.plan();
    long total =
        plan.empty()
            ? 0
            : roster ? memberReads.countIn(plan.prefix()) : orgReads.countIn(plan.prefix());
    String unit = roster ? "members" : "orgs";
    Pages pages =
        done -> {
          context.checkCancelled();
          context.progress(done, Math.max(total, done), unit);
        };
    long rows =
        context.writeFile(
            file.fileName(),
            job.format().contentType(),
            out ->
                file.write(
                    out,
                    writer -> {
                      if (roster) {
                        writeMembers(plan, writer, pages);
                      } else {
                        writeOrgs(plan, writer, pages);
                      }
                    }));
    if (roster) {
      // ID numbers and phones are always masked in a file; full birth dates count as unmasked
      privacyAudit.record(
          PrivacyAudit.Kind.MEMBER_EXPORT,
          job.by().caller(),
          job.by().scope(),
          job.filter() + ";job=" + context.jobId(),
          rows,
          plan.fullBirthDates());
    }
    return new BulkJobs.Exported(rows);
  }

  /** Told after each page written: how many rows so far. */
  @FunctionalInterface
  interface Pages {
    Pages NONE = done -> {};

    void written(long done);
  }

  public String today() {
    return members.today().toString();
  }

  /** The roster file: 党员名册-<today>.csv|xlsx, sheet 党员名册. */
  public TableDownload memberFile(ExportFormat format) {
    return new TableDownload("党员名册-" + today(), format, "党员名册");
  }

  /** The organisation file: 党组织-<today>.csv|xlsx, sheet 党组织. */
  public TableDownload orgFile(ExportFormat format) {
    return new TableDownload("党组织-" + today(), format, "党组织");
  }

  /** Writes every member of the plan's subtree; returns how many. */
  public long writeMembers(Plan plan, TableWriter writer) throws IOException {
    return writeMembers(plan, writer, Pages.NONE);
  }

  private long writeMembers(Plan plan, TableWriter writer, Pages pages) throws IOException {
    writer.header(labels(MemberColumn.values()));
    long count = 0;
    if (!plan.empty()) {
      UUID after = BulkMemberReads.BEFORE_ALL;
      PageRequest page = PageRequest.ofSize(properties.exportPageSize());
      while (true) {
        List<Member> batch = memberReads.pageAfter(plan.prefix(), after, page);
        for (Member member : batch) {
          writer.row(memberRow(member, plan.fullBirthDates()));
        }
        count += batch.size();
        pages.written(count);
        if (batch.size() < page.getPageSize()) {
          break;
        }
        after = batch.get(batch.size() - 1).getId();
      }
    }
    return count;
  }

  /**
   * Writes every organisation of the plan's subtree, parents first. Each row's 临时编号 is its id; a
   * row under another row of the file names it in 上级临时编号, the top row names its real parent in
   * 上级组织ID, so the file re-imports as the same tree, under the same or (with the import's {@code
   * parentId}) another parent.
   */
  public long writeOrgs(Plan plan, TableWriter writer) throws IOException {
    return writeOrgs(plan, writer, Pages.NONE);
  }

  private long writeOrgs(Plan plan, TableWriter writer, Pages pages) throws IOException {
    writer.header(labels(OrgColumn.values()));
    long count = 0;
    if (!plan.empty()) {
      String after = "";
      PageRequest page = PageRequest.ofSize(properties.exportPageSize());
      while (true) {
        List<Org> batch = orgReads.pageAfter(plan.prefix(), after, page);
        for (Org org : batch) {
          writer.row(orgRow(org, plan));
        }
        count += batch.size();
        pages.written(count);
        if (batch.size() < page.getPageSize()) {
          break;
        }
        after = batch.get(batch.size() - 1).getPath();
      }
    }
    return count;
  }

  private List<Object> memberRow(Member m, boolean fullBirthDate) {
    List<Object> row = new ArrayList<>(MemberColumn.values().length);
    for (MemberColumn column : MemberColumn.values()) {
      row.add(
          switch (column) {
            case ORG_ID -> m.getOrgId().toString();
            case NAME -> m.getName();
            case GENDER -> BulkValues.genderLabel(m.getGender());
            case ETHNICITY -> m.getEthnicity();
            case BIRTH_DATE ->
                fullBirthDate || m.getBirthDate() == null
                    ? m.getBirthDate()
                    : String.valueOf(m.getBirthDate().getYear());
            case ID_NUMBER -> members.maskedIdNumber(m);
            case PHONE -> members.maskedPhone(m);
            case EDUCATION -> m.getEducation();
            case EDUCATION_LEVEL -> BulkValues.classificationLabel(m.getEducationLevel());
            case WORKPLACE -> m.getWorkplace();
            case POST -> m.getPost();
            case OCCUPATION -> BulkValues.classificationLabel(m.getOccupation());
            case STAGE -> m.getStage().label();
            case DUES_CATEGORY -> m.getDuesCategory().label();
            case JOIN_DATE -> m.getJoinDate();
            case FULL_MEMBER_DATE -> m.getFullMemberDate();
          });
    }
    return row;
  }

  private static List<Object> orgRow(Org org, Plan plan) {
    boolean top =
        plan.anchorPath() == null
            ? org.getParentId() == null
            : org.getPath().equals(plan.anchorPath());
    String parent = org.getParentId() == null ? null : org.getParentId().toString();
    List<Object> row = new ArrayList<>(OrgColumn.values().length);
    for (OrgColumn column : OrgColumn.values()) {
      row.add(
          switch (column) {
            case KEY -> org.getId().toString();
            case PARENT_KEY -> top ? null : parent;
            case PARENT_ID -> top ? parent : null;
            case NAME -> org.getName();
            case TYPE -> org.getOrgType().label();
            case UNIT_TYPE -> BulkValues.classificationLabel(org.getUnitType());
            case AFFILIATION -> BulkValues.classificationLabel(org.getAffiliation());
          });
    }
    return row;
  }

  private static List<String> labels(BulkColumn[] columns) {
    return Arrays.stream(columns).map(BulkColumn::label).toList();
  }
}
