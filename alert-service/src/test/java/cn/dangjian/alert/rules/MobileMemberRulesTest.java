package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MobileMemberRulesTest {

  private final MobileMemberRules rules = new MobileMemberRules(RuleCatalogue.defaultCatalogue());
  private static final LocalDate AWAY = LocalDate.of(2026, 4, 1);

  private static MobileFacts certificate(boolean fixedPlace, boolean transferOpen, String status) {
    return new MobileFacts(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        status,
        fixedPlace,
        AWAY,
        AWAY,
        LocalDate.of(2027, 3, 31),
        null,
        transferOpen);
  }

  @Test
  void awaySixMonthsAtAFixedPlaceRaisesTransferWarning() {
    MobileFacts c = certificate(true, false, "ACTIVE");
    assertThat(rules.awayWithoutTransfer(c, "BRANCH", LocalDate.of(2026, 8, 31)).finding())
        .isEmpty();
    assertThat(rules.awayWithoutTransfer(c, "BRANCH", LocalDate.of(2026, 9, 1)).finding())
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.NOTICE);
    assertThat(rules.awayWithoutTransfer(c, "BRANCH", LocalDate.of(2026, 10, 1)).finding())
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.WARNING);
    assertThat(rules.awayWithoutTransfer(c, "BRANCH", LocalDate.of(2027, 4, 1)).finding())
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.SERIOUS);
  }

  @Test
  void movingAboutOrATransferUnderWayRaisesNoTransferWarning() {
    LocalDate late = LocalDate.of(2027, 1, 1);
    assertThat(
            rules
                .awayWithoutTransfer(certificate(false, false, "ACTIVE"), "BRANCH", late)
                .finding())
        .isEmpty();
    assertThat(
            rules.awayWithoutTransfer(certificate(true, true, "ACTIVE"), "BRANCH", late).finding())
        .isEmpty();
    assertThat(
            rules
                .awayWithoutTransfer(certificate(true, false, "RETURNED"), "BRANCH", late)
                .finding())
        .isEmpty();
  }

  @Test
  void anExpiringCertificateIsRenewedOrReturned() {
    MobileFacts c = certificate(false, false, "ACTIVE");
    assertThat(rules.expiring(c, "BRANCH", LocalDate.of(2027, 2, 28)).finding()).isEmpty();
    assertThat(rules.expiring(c, "BRANCH", LocalDate.of(2027, 3, 1)).finding())
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.NOTICE);
    assertThat(rules.expiring(c, "BRANCH", LocalDate.of(2027, 4, 1)).finding())
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void theReportHomeIsDueYearly() {
    MobileFacts c = certificate(false, false, "ACTIVE");
    assertThat(rules.reportDue(c, "BRANCH", LocalDate.of(2027, 3, 1)).finding()).isEmpty();
    assertThat(rules.reportDue(c, "BRANCH", LocalDate.of(2027, 3, 2)).finding()).isPresent();
    MobileFacts reported =
        new MobileFacts(
            c.memberId(),
            c.certificateId(),
            c.hostOrgId(),
            "ACTIVE",
            false,
            AWAY,
            AWAY,
            c.validUntil(),
            LocalDate.of(2026, 12, 1),
            false);
    assertThat(rules.reportDue(reported, "BRANCH", LocalDate.of(2027, 4, 2)).finding()).isEmpty();
  }
}
