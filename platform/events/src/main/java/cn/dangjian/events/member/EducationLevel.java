package cn.dangjian.events.member;

/** 学历 as the national 党内统计 groups it (highest completed). Published as a string. */
public enum EducationLevel {
  POSTGRADUATE("研究生"),
  UNDERGRADUATE("大学本科"),
  JUNIOR_COLLEGE("大学专科"),
  SECONDARY_VOCATIONAL("中专"),
  HIGH_SCHOOL("高中"),
  JUNIOR_HIGH_OR_BELOW("初中及以下"),
  UNSPECIFIED("未填");

  private final String label;

  EducationLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
