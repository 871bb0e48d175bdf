package cn.dangjian.bench.province;

import static cn.dangjian.bench.UuidV7s.fromBytes;

import cn.dangjian.bench.ProvinceTree;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The register as member-service holds it, read back from its schema in id order (so every
 * consuming service's rows follow from what member-service actually has, whether it was loaded in
 * this run or an earlier one), with each member's branch as an index into the tree.
 */
final class ProvinceMembers {

  /** What the consuming services learn of a member from {@code member.events}. */
  record Member(
      byte[] id,
      int org,
      String stage,
      String status,
      LocalDate statusSince,
      String duesCategory,
      LocalDate joinDate,
      LocalDate fullMemberDate,
      LocalDate registeredOn) {

    boolean admitted() {
      return stage.equals("FULL") || stage.equals("PROBATIONARY");
    }

    /** Admitted and active: billed, expected at meetings. */
    boolean current() {
      return admitted() && status.equals("ACTIVE");
    }
  }

  final ProvinceTree tree;
  final List<Member> members;

  /** Member indexes per org index (only branches hold members). */
  final Map<Integer, List<Integer>> byOrg;

  private ProvinceMembers(ProvinceTree tree, List<Member> members) {
    this.tree = tree;
    this.members = members;
    this.byOrg = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      byOrg.computeIfAbsent(members.get(i).org(), k -> new ArrayList<>()).add(i);
    }
  }

  static ProvinceMembers read(ProvinceTree tree, String url, String user, String password)
      throws Exception {
    Map<UUID, Integer> orgIndex = new HashMap<>();
    for (int i = 0; i < tree.orgs().size(); i++) {
      orgIndex.put(tree.org(i).id(), i);
    }
    List<Member> members = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      st.setFetchSize(Integer.MIN_VALUE); // stream, do not buffer a million rows
      try (ResultSet rs =
          st.executeQuery(
              "SELECT id, org_id, stage, status, status_since, dues_category, join_date,"
                  + " full_member_date, created_at FROM member ORDER BY id")) {
        while (rs.next()) {
          byte[] org = rs.getBytes(2);
          Integer index = orgIndex.get(fromBytes(org));
          if (index == null) {
            throw new IllegalStateException(
                "member-service's schema holds a member of an org the tree does not have: the"
                    + " member schema and the generator disagree (reload)");
          }
          LocalDateTime created = rs.getObject(9, LocalDateTime.class);
          members.add(
              new Member(
                  rs.getBytes(1),
                  index,
                  rs.getString(3),
                  rs.getString(4),
                  rs.getObject(5, LocalDate.class),
                  rs.getString(6),
                  rs.getObject(7, LocalDate.class),
                  rs.getObject(8, LocalDate.class),
                  created
                      .atOffset(ZoneOffset.UTC)
                      .atZoneSameInstant(ProvinceGenerator.ZONE)
                      .toLocalDate()));
        }
      }
    }
    return new ProvinceMembers(tree, members);
  }

  List<Integer> of(int orgIndex) {
    return byOrg.getOrDefault(orgIndex, List.of());
  }
}
