package cn.dangjian.events.member;

/**
 * 党员职业 as the national 党内统计 classifies it. {@link #frontLine()} marks the 生产、工作一线 occupations whose
 * share of newly developed members the annual report states. Published as a string.
 */
public enum Occupation {
  WORKER("工人", true),
  FARMER_HERDER_FISHER("农牧渔民", true),
  PROFESSIONAL("企事业单位、民办非企业单位专业技术人员", true),
  MANAGER("企事业单位、民办非企业单位管理人员", false),
  PUBLIC_SERVANT("党政机关工作人员", false),
  STUDENT("学生", false),
  RETIRED("离退休人员", false),
  OTHER("其他职业人员", false),
  UNSPECIFIED("未填", false);

  private final String label;
  private final boolean frontLine;

  Occupation(String label, boolean frontLine) {
    this.label = label;
    this.frontLine = frontLine;
  }

  public String label() {
    return label;
  }

  public boolean frontLine() {
    return frontLine;
  }
}
