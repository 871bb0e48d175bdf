package cn.dangjian.dues.ledger;

/** What moved money in or out of an org's dues account. */
public enum LedgerEntryKind {
  /** 党费收入: members' payments credited to the org (a reversal is a red-ink, negative, entry). */
  DUES("党费收入", 1),
  /** 利息收入: bank interest on the dedicated account, with the bank's reference. */
  INTEREST("利息收入", 1),
  /** 上级下拨: an allocation from the parent org, earmarked for a purpose. */
  ALLOCATION_IN("上级下拨", 1),
  /** 下级上缴: a child org's quarterly remittance. */
  REMITTANCE_IN("下级上缴", 1),
  /** 支出: spending on an Art 19 use, on a collective decision. */
  EXPENSE("支出", -1),
  /** 下拨下级: an allocation to a direct child org, on a collective decision. */
  ALLOCATION_OUT("下拨下级", -1),
  /** 上缴上级: the quarterly remittance to the parent org. */
  REMITTANCE_OUT("上缴上级", -1),
  /** 代收上缴中央: a one-off extra ≥ 1000 元 collected for the Centre (DF Art 11), not income. */
  PASSED_TO_CENTRE("代收上缴中央", 0);

  private final String label;
  private final int sign;

  LedgerEntryKind(String label, int sign) {
    this.label = label;
    this.sign = sign;
  }

  public String label() {
    return label;
  }

  /** +1 income, -1 outgoing, 0 passed on (not in the balance). */
  public int sign() {
    return sign;
  }
}
