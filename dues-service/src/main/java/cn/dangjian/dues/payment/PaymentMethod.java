package cn.dangjian.dues.payment;

/** How the money was taken (DF Art 14). */
public enum PaymentMethod {
  /** 直接缴纳 (cash, transfer, online). */
  DIRECT("直接缴纳"),
  /** 工资代扣: only with the member's written entrustment (委托代扣), else banned as 扣缴. */
  PAYROLL_DEDUCTION("工资代扣");

  private final String label;

  PaymentMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
