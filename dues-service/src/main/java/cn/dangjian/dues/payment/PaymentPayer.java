package cn.dangjian.dues.payment;

/** Who handed the money over (DF Arts 12, 14). */
public enum PaymentPayer {
  /** 本人缴纳. */
  SELF("本人缴纳"),
  /** 亲属代缴: a special case of Art 12, with the branch's consent. */
  RELATIVE("亲属代缴"),
  /** 其他党员代缴: a special case of Art 12, with the branch's consent. */
  OTHER_MEMBER("其他党员代缴"),
  /** 组织垫交: banned by Art 14, never recorded. */
  ORGANISATION("组织垫交");

  private final String label;

  PaymentPayer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
