package cn.dangjian.alert.rules;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's latest 流动党员活动证 as {@code member.mobile-changed} told it (the shared projection).
 *
 * @param hostOrgId null when the host is outside the platform
 * @param transferOpen a transfer of the member's relationship is under way (its own rules watch it)
 */
public record MobileFacts(
    UUID memberId,
    UUID certificateId,
    UUID hostOrgId,
    String status,
    boolean fixedPlace,
    LocalDate awaySince,
    LocalDate issuedOn,
    LocalDate validUntil,
    LocalDate lastReportedOn,
    boolean transferOpen) {

  public boolean active() {
    return "ACTIVE".equals(status);
  }

  /** The report home is due a year after the last one, or after the issue. */
  public LocalDate reportDueOn() {
    return (lastReportedOn == null ? issuedOn : lastReportedOn).plusYears(1);
  }
}
