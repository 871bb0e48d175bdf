package cn.dangjian.orglife.training;

/** Where training hours come from. */
public enum TrainingKind {
  PARTY_LECTURE("党课"),
  CONCENTRATED("集中培训"),
  ROTATION("书记轮训"),
  MICRO_LESSON("微党课");

  private final String label;

  TrainingKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
