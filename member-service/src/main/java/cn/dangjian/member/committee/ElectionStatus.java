package cn.dangjian.member.committee;

/**
 * A 换届 election, step by step; each step the 党委 above decides waits on an approval: REQUESTED (请示
 * filed) → AUTHORISED (批复) → CANDIDATES_SUBMITTED (预备人选 报审) → CANDIDATES_APPROVED → HELD (党员大会
 * voted, valid) or INVALID (held again) → RESULT_SUBMITTED (result and secretary reported) →
 * COMPLETED (the new term started). ABANDONED: the 请示 was rejected or withdrawn and a new one
 * filed.
 */
public enum ElectionStatus {
  REQUESTED("已请示"),
  AUTHORISED("已批复"),
  CANDIDATES_SUBMITTED("候选人预备人选报审中"),
  CANDIDATES_APPROVED("候选人预备人选已批准"),
  HELD("已选举"),
  INVALID("选举无效"),
  RESULT_SUBMITTED("选举结果报批中"),
  COMPLETED("已完成换届"),
  ABANDONED("已终止");

  private final String label;

  ElectionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean open() {
    return this != COMPLETED && this != ABANDONED;
  }
}
