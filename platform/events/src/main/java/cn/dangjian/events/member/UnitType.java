package cn.dangjian.events.member;

/**
 * 单位类型: the kind of unit an organisation is set up in (党内统计 单位属性). Enterprises are split by
 * ownership. Published as a string.
 */
public enum UnitType {
  PARTY_GOVERNMENT_ORGAN("党政机关"),
  PUBLIC_INSTITUTION("事业单位"),
  STATE_OWNED_ENTERPRISE("国有及国有控股企业"),
  COLLECTIVE_ENTERPRISE("集体企业"),
  NON_PUBLIC_ENTERPRISE("非公有制企业"),
  SOCIAL_ORGANIZATION("社会组织"),
  TOWNSHIP("乡镇"),
  SUBDISTRICT("街道"),
  ADMINISTRATIVE_VILLAGE("行政村"),
  COMMUNITY("社区（居委会）"),
  OTHER("其他"),
  UNSPECIFIED("未填");

  private final String label;

  UnitType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
