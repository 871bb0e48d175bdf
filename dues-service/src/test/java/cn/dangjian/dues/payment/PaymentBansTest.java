package cn.dangjian.dues.payment;

import static cn.dangjian.dues.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.dues.payment.PaymentRequests.CreatePayment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentBansTest {

  static CreatePayment request(
      List<String> months,
      PaymentPayer payer,
      String payerName,
      PaymentMethod method,
      String entrustment,
      PaymentDeclaration declaredAs) {
    return new CreatePayment(
        UUID.randomUUID(),
        months,
        months.isEmpty() ? 5_000L : null,
        Channel.OFFLINE,
        "R-1",
        payer,
        payerName,
        method,
        entrustment,
        declaredAs);
  }

  @Test
  void duesAdvancedByTheOrganisationAreRefused() {
    assertRule(
        () ->
            PaymentBans.check(
                request(List.of("2026-11"), PaymentPayer.ORGANISATION, "支部", null, null, null)),
        "dues-advanced-by-organisation");
  }

  @Test
  void payrollDeductionNeedsTheMembersWrittenEntrustment() {
    assertRule(
        () ->
            PaymentBans.check(
                request(
                    List.of("2026-11"), null, null, PaymentMethod.PAYROLL_DEDUCTION, " ", null)),
        "dues-withheld-without-consent");
    assertThatCode(
            () ->
                PaymentBans.check(
                    request(
                        List.of("2026-11"),
                        null,
                        null,
                        PaymentMethod.PAYROLL_DEDUCTION,
                        "委托书 2026-018",
                        null)))
        .doesNotThrowAnyException();
  }

  @Test
  void specialDuesCannotReplaceMonthlyDues() {
    assertRule(
        () ->
            PaymentBans.check(
                request(
                    List.of("2026-11"), null, null, null, null, PaymentDeclaration.SPECIAL_DUES)),
        "special-dues-cannot-replace-dues");
    assertThatCode(
            () ->
                PaymentBans.check(
                    request(List.of(), null, null, null, null, PaymentDeclaration.SPECIAL_DUES)))
        .doesNotThrowAnyException();
  }

  @Test
  void paymentThroughARelativeOrAnotherMemberIsAllowedWithThePayerNamed() {
    for (PaymentPayer payer : List.of(PaymentPayer.RELATIVE, PaymentPayer.OTHER_MEMBER)) {
      assertThatCode(
              () -> PaymentBans.check(request(List.of("2026-11"), payer, "李某", null, null, null)))
          .doesNotThrowAnyException();
      assertRule(
          () -> PaymentBans.check(request(List.of("2026-11"), payer, null, null, null, null)),
          "proxy-payer-named");
    }
  }

  @Test
  void withoutTheNewFieldsAPaymentIsTheMembersOwnAndDirect() {
    CreatePayment old = request(List.of("2026-11"), null, null, null, null, null);
    assertThatCode(() -> PaymentBans.check(old)).doesNotThrowAnyException();
    assertThat(PaymentBans.payer(old)).isEqualTo(PaymentPayer.SELF);
    assertThat(PaymentBans.method(old)).isEqualTo(PaymentMethod.DIRECT);
    assertThat(PaymentBans.declaration(old)).isEqualTo(PaymentDeclaration.DUES);
  }
}
