package cn.dangjian.member.approval;

/**
 * The bodies above a branch that decide what the branch may only request (DOMAIN.md §2.2–2.3,
 * §1.3). The branch's own 支部大会/支委会 decision is the request's evidence, not a stage.
 */
public enum DecidingBody {
  /** 基层党委: the nearest 党委 above the subject's organisation. */
  PRIMARY_COMMITTEE("基层党委"),
  /** 上级党委组织部门: the 党委 above the 基层党委 (the county 组织部 when there is none). */
  HIGHER_COMMITTEE("上级党委组织部门"),
  /** 县委组织部: the platform's administrators. */
  COUNTY_ORG_DEPARTMENT("县委组织部"),
  /** 县级以上纪委: callers with the discipline-commission role at county level or above. */
  DISCIPLINE_COMMISSION("县级以上纪委");

  private final String label;

  DecidingBody(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
