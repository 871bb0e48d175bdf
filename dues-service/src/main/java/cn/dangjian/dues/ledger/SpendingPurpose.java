package cn.dangjian.dues.ledger;

/** The uses dues may be spent or allocated on (DF Art 19). */
public enum SpendingPurpose {
  TRAINING("党员教育培训"),
  EDUCATION_MATERIALS("购置教材和设备"),
  COMMENDATION("表彰先进"),
  HARDSHIP_SUBSIDY("补助生活困难党员"),
  DISASTER_RELIEF("救灾及修缮");

  private final String label;

  SpendingPurpose(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
