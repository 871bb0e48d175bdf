package cn.dangjian.member.statistics;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the statistics know of one organisation at one time. */
record OrgState(
    UUID orgId,
    LocalDate validFrom,
    String path,
    String name,
    String orgType,
    String unitType,
    String affiliation,
    boolean hasCommittee,
    @Nullable String termDue,
    boolean dissolved) {

  static OrgState created(UUID orgId, LocalDate on, String path, String name, String orgType) {
    return new OrgState(
        orgId, on, path, name, orgType, "UNSPECIFIED", "UNSPECIFIED", false, null, false);
  }

  OrgState at(LocalDate on) {
    return new OrgState(
        orgId, on, path, name, orgType, unitType, affiliation, hasCommittee, termDue, dissolved);
  }

  OrgState withPath(String newPath) {
    return new OrgState(
        orgId,
        validFrom,
        newPath,
        name,
        orgType,
        unitType,
        affiliation,
        hasCommittee,
        termDue,
        dissolved);
  }

  OrgState named(String newName) {
    return new OrgState(
        orgId,
        validFrom,
        path,
        newName,
        orgType,
        unitType,
        affiliation,
        hasCommittee,
        termDue,
        dissolved);
  }

  OrgState classified(String newUnitType, String newAffiliation) {
    return new OrgState(
        orgId,
        validFrom,
        path,
        name,
        orgType,
        newUnitType,
        newAffiliation,
        hasCommittee,
        termDue,
        dissolved);
  }

  OrgState withCommittee(boolean sitting, @Nullable String newTermDue) {
    return new OrgState(
        orgId,
        validFrom,
        path,
        name,
        orgType,
        unitType,
        affiliation,
        sitting,
        newTermDue,
        dissolved);
  }

  OrgState dissolve() {
    return new OrgState(
        orgId, validFrom, path, name, orgType, unitType, affiliation, hasCommittee, termDue, true);
  }

  boolean sameFacts(OrgState other) {
    return at(other.validFrom).equals(other);
  }
}
