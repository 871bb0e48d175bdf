package cn.dangjian.member.structure;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.OrgStructureChecked;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.platform.events.DomainEventPublisher;
import java.util.List;
import java.util.UUID;
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
  private final StructureStore store;
  private final DomainEventPublisher events;

  OrgStructureService(OrgRepository orgs, StructureStore store, DomainEventPublisher events) {
    this.orgs = orgs;
    this.store = store;
    this.events = events;
  }

  public record Structure(List<String> warnings, int formalMembers, int admittedMembers) {}

  @Transactional(readOnly = true)
  public Structure current(Org org) {
    StructureRules.Counts counts = store.counts(org);
    return new Structure(
        StructureRules.warnings(org.getOrgType(), counts, store.hasCommittee(org)),
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
}
