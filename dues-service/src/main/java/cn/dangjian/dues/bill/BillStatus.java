package cn.dangjian.dues.bill;

/** A monthly bill's state. Only UNPAID bills can be taken by a payment. */
public enum BillStatus {
  /** 未缴. */
  UNPAID("未缴"),
  /** 待支付: reserved by an online order that has not been confirmed yet. */
  PENDING("支付中"),
  /** 已缴. */
  PAID("已缴"),
  /** 免交: hardship waiver, nothing is due. */
  WAIVED("免交");

  private final String label;

  BillStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Counts as settled for arrears. */
  public boolean settled() {
    return this == PAID || this == WAIVED;
  }
}
