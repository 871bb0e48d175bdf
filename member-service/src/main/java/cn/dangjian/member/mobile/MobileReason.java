package cn.dangjian.member.mobile;

/** Why the member is away (外出原因). */
public enum MobileReason {
  WORK("外出务工经商"),
  STUDY("外出学习"),
  LIVING("异地居住"),
  OTHER("其他");

  private final String label;

  MobileReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
