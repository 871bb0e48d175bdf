package cn.dangjian.member.structure;

import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The counts an org's structural warnings are computed from. */
@Component
class StructureStore {

  private final JdbcTemplate jdbc;

  StructureStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A committee exists when the current term has at least three seats held. */
  boolean hasCommittee(Org org) {
    Integer seats =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM committee_member cm JOIN committee_term t ON cm.term_id = t.id"
                + " WHERE t.org_id = UNHEX(REPLACE(?, '-', '')) AND t.status = 'CURRENT'"
                + " AND cm.left_on IS NULL",
            Integer.class,
            org.getId().toString());
    return seats != null && seats >= 3;
  }

  StructureRules.Counts counts(Org org) {
    boolean branch = org.getOrgType() == OrgType.BRANCH || org.getOrgType() == OrgType.JOINT_BRANCH;
    String where = branch ? "org_id = UNHEX(REPLACE(?, '-', ''))" : "org_path LIKE CONCAT(?, '%')";
    Object key = branch ? org.getId().toString() : org.getPath();
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(stage = 'FULL'), 0), COALESCE(SUM(stage IN ('FULL','PROBATIONARY')), 0)"
            + " FROM member WHERE status = 'ACTIVE' AND "
            + where,
        (rs, i) -> new StructureRules.Counts(rs.getInt(1), rs.getInt(2)),
        key);
  }
}
