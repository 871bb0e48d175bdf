package cn.dangjian.member.transfer;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;

/** Transfer rules (DOMAIN.md §2.4; JG Art 25; ZG). Plain rules, no Spring. */
public final class TransferRules {

  /** Letters are commonly valid for three months (practice). */
  public static final int DEFAULT_VALID_DAYS = 90;

  public static final int MAX_VALID_DAYS = 180;

  private TransferRules() {}

  /** Only admitted, active members carry an organisational relationship to transfer. */
  public static void checkMember(MemberStage stage, MemberStatus status, boolean openTransfer) {
    if (!stage.admitted() || status != MemberStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "only-admitted-active-members-transfer", "transfer.rule.only-admitted-active");
    }
    if (openTransfer) {
      throw ProblemException.businessRule("transfer-already-open", "transfer.rule.already-open");
    }
  }

  public static void checkDestination(OrgType type, boolean sameOrg) {
    if (sameOrg) {
      throw ProblemException.businessRule("same-organisation", "transfer.rule.same-organisation");
    }
    if (!type.holdsMemberRelationships()) {
      throw ProblemException.businessRule(
          "destination-must-be-a-branch",
          "transfer.rule.destination-must-be-a-branch",
          type.label());
    }
  }

  public static void checkTransition(TransferStatus from, TransferStatus to) {
    if (!from.next().contains(to)) {
      throw ProblemException.businessRule(
          "transition-not-allowed",
          "transfer.rule.transition-not-allowed",
          from.label(),
          to.label());
    }
  }

  public static LocalDate validUntil(LocalDate issuedOn, Integer validDays) {
    int days = validDays == null ? DEFAULT_VALID_DAYS : validDays;
    if (days < 1 || days > MAX_VALID_DAYS) {
      throw ProblemException.businessRule(
          "validity-one-to-180-days", "transfer.rule.validity", MAX_VALID_DAYS);
    }
    return issuedOn.plusDays(days);
  }

  /** A letter past its validity is not received; the sending side investigates and reissues. */
  public static void checkStillValid(LocalDate validUntil, LocalDate receivedOn) {
    if (validUntil != null && receivedOn.isAfter(validUntil)) {
      throw ProblemException.businessRule(
          "letter-expired", "transfer.rule.letter-expired", validUntil);
    }
  }
}
