package cn.dangjian.bench.province;

import cn.dangjian.bench.ProvinceTree;
import cn.dangjian.bench.UuidV7s;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * {@code proj_org} and {@code proj_member} as the platform's MemberEventsProjector leaves them
 * after consuming the register's {@code org.created}, {@code member.registered} and {@code
 * member.status-changed} events: every org and every member (all stages and statuses), {@code
 * created_on}/{@code org_since} the day of registration, {@code status_since} the registration day
 * or the day of the last status change, no flags.
 */
final class ProjectionRows {

  private ProjectionRows() {}

  /** Returns rows written (orgs + members). */
  static long write(ProvinceMembers register, Loading loading) throws Exception {
    ProvinceTree tree = register.tree;
    LocalDateTime updated = ProvinceGenerator.asOfUtc();
    LocalDate orgsCreated = ProvinceGenerator.orgsCreatedOn();
    Progress progress =
        new Progress(loading.label("projection"), tree.orgs().size() + register.members.size());
    try (BatchWriter orgs =
            loading.writer(
                "proj_org",
                "org_id, parent_id, name, org_type, path, depth, dissolved, created_on, updated_at",
                1,
                progress);
        BatchWriter members =
            loading.writer(
                "proj_member",
                "member_id, org_id, org_path, stage, status, dues_category, join_date,"
                    + " full_member_date, flags, status_since, org_since, updated_at",
                1,
                progress)) {
      for (ProvinceTree.OrgRow org : tree.orgs()) {
        orgs.add(
            UuidV7s.bytes(org.id()),
            org.parentId() == null ? null : UuidV7s.bytes(org.parentId()),
            org.name(),
            org.type(),
            org.path(),
            org.depth(),
            false,
            orgsCreated,
            updated);
      }
      for (ProvinceMembers.Member m : register.members) {
        ProvinceTree.OrgRow org = tree.org(m.org());
        members.add(
            m.id(),
            UuidV7s.bytes(org.id()),
            org.path(),
            m.stage(),
            m.status(),
            m.duesCategory(),
            m.joinDate(),
            m.fullMemberDate(),
            "",
            m.statusSince() != null ? m.statusSince() : m.registeredOn(),
            m.registeredOn(),
            updated);
      }
    }
    progress.finish();
    return progress.done();
  }

  /**
   * The same rows copied from a schema that got them in this run (INSERT … SELECT on the server:
   * identical bytes, no round trips).
   */
  static void copy(String fromSchema, Loading loading) throws Exception {
    Progress progress = new Progress(loading.label("projection"), 2, "tables");
    try (java.sql.Connection c = loading.connect();
        java.sql.Statement st = c.createStatement()) {
      for (String table : new String[] {"proj_org", "proj_member"}) {
        long n =
            st.executeUpdate("INSERT INTO " + table + " SELECT * FROM " + fromSchema + "." + table);
        loading.rows.merge(table, n, Long::sum);
        progress.add(1);
      }
    }
    progress.finish();
  }
}
