package cn.dangjian.member.structure;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.OrgStructureChecked;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.member.org.OrgType;
import cn.dangjian.platform.events.DomainEventPublisher;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes an org's structural warnings after its membership changed and publishes {@code
 * org.structure-changed} only when the set of warnings changed.
 */
@Service
public class OrgStructureService {

  private final OrgRepository orgs;
  private final JdbcTemplate jdbc;
  private final DomainEventPublisher events;

  OrgStructureService(OrgRepository orgs, JdbcTemplate jdbc, DomainEventPublisher events) {
    this.orgs = orgs;
    this.jdbc = jdbc;
    this.events = events;
  }

  public record Structure(List<String> warnings, int formalMembers, int admittedMembers) {}

  @Transactional(readOnly = true)
  public Structure current(Org org) {
    StructureRules.Counts counts = counts(org);
    return new Structure(
        StructureRules.warnings(org.getOrgType(), counts, hasCommittee(org)),
        counts.formalMembers(),
        counts.admittedMembers());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void recheck(UUID orgId) {
    // Hibernate flushes pending member changes before this native query (same transaction).
    orgs.flush();
    Org org = orgs.findById(orgId).orElse(null);
    if (org == null) {
      return;
    }
    Structure structure = current(org);
    String codes = String.join(",", structure.warnings());
    if (codes.equals(org.getStructureWarnings())) {
      return;
    }
    org.recordStructureWarnings(codes);
    events.publish(
        EventTypes.ORG_STRUCTURE_CHANGED,
        org.getId().toString(),
        org.getPath(),
        new OrgStructureChecked(
            org.getId(),
            org.getOrgType().name(),
            structure.warnings(),
            structure.formalMembers(),
            structure.admittedMembers()));
  }

  /** A committee exists when the current term has at least three seats held. */
  private boolean hasCommittee(Org org) {
    Integer seats =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM committee_member cm JOIN committee_term t ON cm.term_id = t.id"
                + " WHERE t.org_id = UNHEX(REPLACE(?, '-', '')) AND t.status = 'CURRENT'"
                + " AND cm.left_on IS NULL",
            Integer.class,
            org.getId().toString());
    return seats != null && seats >= 3;
  }

  private StructureRules.Counts counts(Org org) {
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
