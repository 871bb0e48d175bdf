package cn.dangjian.dues.payment;

import cn.dangjian.dues.payment.PaymentRequests.CreatePayment;
import cn.dangjian.platform.problem.ProblemException;

/**
 * What DF Art 14 bans when a payment is recorded: the organisation paying for the member (垫交),
 * deducting dues without the member's written entrustment (扣缴), and "特殊党费" standing in for monthly
 * dues. Paying through a relative or another member is the Art 12 special case: allowed, and the
 * payer is named. Plain rules, no Spring.
 */
final class PaymentBans {

  private PaymentBans() {}

  static void check(CreatePayment request) {
    PaymentPayer payer = payer(request);
    if (payer == PaymentPayer.ORGANISATION) {
      throw ProblemException.businessRule(
          "dues-advanced-by-organisation", "payment.rule.advanced-by-organisation");
    }
    if (payer != PaymentPayer.SELF && blank(request.payerName())) {
      throw ProblemException.businessRule(
          "proxy-payer-named", "payment.rule.proxy-payer-named", payer.label());
    }
    if (method(request) == PaymentMethod.PAYROLL_DEDUCTION && blank(request.entrustmentRef())) {
      throw ProblemException.businessRule(
          "dues-withheld-without-consent", "payment.rule.withheld-without-consent");
    }
    if (declaration(request) == PaymentDeclaration.SPECIAL_DUES && !request.months().isEmpty()) {
      throw ProblemException.businessRule(
          "special-dues-cannot-replace-dues", "payment.rule.special-dues-not-dues");
    }
  }

  static PaymentPayer payer(CreatePayment request) {
    return request.payer() == null ? PaymentPayer.SELF : request.payer();
  }

  static PaymentMethod method(CreatePayment request) {
    return request.method() == null ? PaymentMethod.DIRECT : request.method();
  }

  static PaymentDeclaration declaration(CreatePayment request) {
    return request.declaredAs() == null ? PaymentDeclaration.DUES : request.declaredAs();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
