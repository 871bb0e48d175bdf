package cn.dangjian.member.discipline;

/** The three measures of 《不合格党员组织处置办法》, in escalating order. */
public enum Measure {
  CORRECTION("限期改正"),
  PERSUADE_TO_QUIT("劝其退党"),
  STRIKE_OFF("除名");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
