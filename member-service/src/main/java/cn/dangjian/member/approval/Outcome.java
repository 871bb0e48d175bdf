package cn.dangjian.member.approval;

/** A deciding body's answer. */
public enum Outcome {
  APPROVE("批准"),
  RETURN("退回补充"),
  REJECT("不予批准");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
