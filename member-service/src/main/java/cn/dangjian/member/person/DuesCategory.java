package cn.dangjian.member.person;

/** Which dues rule applies (DOMAIN.md §3.1). */
public enum DuesCategory {
  EMPLOYED("在职"),
  ANNUAL_SALARY("年薪制"),
  SELF_EMPLOYED("灵活就业/个体"),
  RETIRED("离退休"),
  FARMER("农民"),
  STUDENT("学生"),
  UNEMPLOYED("失业"),
  LOW_INCOME("低保/困难");

  private final String label;

  DuesCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
