package cn.dangjian.dues.profile;

/**
 * Which dues rule applies (DOMAIN.md §3.1). The names are member-service's {@code DuesCategory},
 * carried in {@code member.registered} / {@code member.updated}.
 */
public enum DuesCategory {
  /** 在职: monthly after-tax fixed and regular wage (Art 1–2), salary table. */
  EMPLOYED("在职", Kind.SALARY_TABLE),
  /** 年薪制: salary actually received in the month (Art 3), salary table. */
  ANNUAL_SALARY("年薪制", Kind.SALARY_TABLE),
  /** 无固定月收入 (个体、灵活就业): previous quarter's average monthly net income (Art 4). */
  SELF_EMPLOYED("灵活就业/个体", Kind.SALARY_TABLE),
  /** 离退休: total pension actually received (Art 5), retiree table. */
  RETIRED("离退休", Kind.RETIREE_TABLE),
  /** 农民: fixed 0.2–1 元 per month (Art 6). */
  FARMER("农民", Kind.FIXED_RANGE),
  /** 学生: fixed 0.2 元 (Art 6). */
  STUDENT("学生", Kind.FIXED),
  /** 失业: fixed 0.2 元 (Art 6). */
  UNEMPLOYED("失业", Kind.FIXED),
  /** 低保、依靠抚恤或救济生活、残疾人: fixed 0.2 元 (Art 6). */
  LOW_INCOME("低保/困难", Kind.FIXED);

  /** How the monthly amount is found. */
  public enum Kind {
    SALARY_TABLE,
    RETIREE_TABLE,
    FIXED_RANGE,
    FIXED
  }

  private final String label;
  private final Kind kind;

  DuesCategory(String label, Kind kind) {
    this.label = label;
    this.kind = kind;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the amount depends on a declared base (income or pension), which is personal data. */
  public boolean needsBase() {
    return kind == Kind.SALARY_TABLE || kind == Kind.RETIREE_TABLE;
  }
}
