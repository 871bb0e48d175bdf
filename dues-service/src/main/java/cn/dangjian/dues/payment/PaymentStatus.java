package cn.dangjian.dues.payment;

/** A payment's state. */
public enum PaymentStatus {
  /** 待支付: an online order waiting for the provider's callback; its bills are reserved. */
  PENDING("待支付"),
  /** 已缴. */
  PAID("已缴"),
  /** 已过期: the online order was not paid in time; its bills were freed. */
  EXPIRED("已过期"),
  /** 已冲正: reversed with a reason; its bills are unpaid again. */
  REVERSED("已冲正");

  private final String label;

  PaymentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
