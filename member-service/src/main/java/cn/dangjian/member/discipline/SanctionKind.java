package cn.dangjian.member.discipline;

/** 党纪处分 (DZ Art 41; 《中国共产党纪律处分条例》), lightest first. */
public enum SanctionKind {
  WARNING("警告"),
  SERIOUS_WARNING("严重警告"),
  REMOVAL_FROM_POST("撤销党内职务"),
  PROBATION_UNDER_DISCIPLINE("留党察看"),
  /** Requested as the status EXPELLED (基层党委 then 纪委); see {@link Sanctions#request}. */
  EXPULSION("开除党籍");

  private final String label;

  SanctionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
