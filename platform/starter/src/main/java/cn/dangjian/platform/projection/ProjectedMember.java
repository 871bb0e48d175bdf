package cn.dangjian.platform.projection;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A member as this service learned it from {@code member.events}: ids and classifications only,
 * never personal data.
 *
 * @param stage APPLICANT, ACTIVIST, DEVELOPMENT_TARGET, PROBATIONARY or FULL
 * @param status ACTIVE, SUSPENDED or a final state (STRUCK_OFF, DECEASED, TRANSFERRED_OUT…)
 * @param joinDate the day the branch meeting admitted the member (党籍 and dues start)
 * @param fullMemberDate the day probation ended (党龄 counts from it)
 * @param flags active overlay flags: MOBILE, LOST_CONTACT, CORRECTION_PERIOD,
 *     DISCIPLINARY_PROBATION, RIGHTS_SUSPENDED
 * @param statusSince when the current status took effect
 * @param orgSince since when the current org holds the member's relationship
 */
public record ProjectedMember(
    UUID memberId,
    UUID orgId,
    String orgPath,
    String stage,
    String status,
    String duesCategory,
    LocalDate joinDate,
    LocalDate fullMemberDate,
    Set<String> flags,
    LocalDate statusSince,
    LocalDate orgSince) {

  public ProjectedMember {
    flags = Set.copyOf(flags);
  }

  public boolean active() {
    return "ACTIVE".equals(status);
  }

  /** Admitted by a branch meeting: probationary or full. */
  public boolean admitted() {
    return "PROBATIONARY".equals(stage) || "FULL".equals(stage);
  }

  public boolean formal() {
    return "FULL".equals(stage);
  }

  /** Who may vote (DOMAIN §4.3): active full members not under 留党察看 or 权利中止. */
  public boolean hasVotingRights() {
    return active()
        && formal()
        && !flags.contains("DISCIPLINARY_PROBATION")
        && !flags.contains("RIGHTS_SUSPENDED");
  }
}
