package cn.dangjian.alert.catalogue;

/** Alert levels, lowest first (DOMAIN §7: warn / alert / critical). */
public enum Severity {
  NOTICE("提示"),
  WARNING("预警"),
  SERIOUS("严重");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
