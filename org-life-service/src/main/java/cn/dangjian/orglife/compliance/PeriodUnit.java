package cn.dangjian.orglife.compliance;

/** How often a requirement applies: per month, quarter or year (Asia/Shanghai calendar). */
public enum PeriodUnit {
  MONTH("每月"),
  QUARTER("每季度"),
  YEAR("每年");

  private final String label;

  PeriodUnit(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
