package cn.dangjian.dues.payment;

/** What the member declared the money to be. */
public enum PaymentDeclaration {
  /** 党费: monthly dues, with an optional voluntary extra. */
  DUES("党费"),
  /** 特殊党费: a voluntary extra only; it never settles a monthly bill (DF Art 14). */
  SPECIAL_DUES("特殊党费");

  private final String label;

  PaymentDeclaration(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
