package cn.dangjian.events.member;

/** 隶属关系: the level of government the organisation's unit belongs to. Published as a string. */
public enum Affiliation {
  CENTRAL("中央"),
  PROVINCIAL("省（区、市）"),
  PREFECTURAL("地（市、州、盟）"),
  COUNTY("县（市、区、旗）"),
  TOWNSHIP("乡镇、街道"),
  OTHER("其他"),
  UNSPECIFIED("未填");

  private final String label;

  Affiliation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
