package cn.dangjian.alert.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What alert-service knows of one organisation, from events only.
 *
 * @param termDueOn when the committee's term ends, after any approved postponement
 * @param structureWarnings member-service's structural warning codes, e.g. committee-required
 */
public record OrgFacts(
    UUID orgId,
    String orgPath,
    String orgType,
    String name,
    LocalDate createdOn,
    boolean dissolved,
    UUID termId,
    LocalDate termDueOn,
    int committeeSeats,
    LocalDate secretaryVacantSince,
    List<String> structureWarnings,
    int formalMembers,
    int members) {

  public OrgFacts {
    structureWarnings = List.copyOf(structureWarnings);
  }

  public boolean branchLike() {
    return "BRANCH".equals(orgType)
        || "JOINT_BRANCH".equals(orgType)
        || "TEMPORARY_BRANCH".equals(orgType);
  }

  public boolean hasCommittee() {
    return committeeSeats > 0 || termId != null;
  }
}
