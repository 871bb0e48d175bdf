package cn.dangjian.member.approval;

/** What an approval request asks for; the effect of each kind lives with the feature it changes. */
public enum ApprovalKind {
  DEVELOPMENT_STEP("发展党员上级党委审批事项"),
  LATE_RECORD("逾期补录"),
  STATUS_CHANGE("党籍处置"),
  SANCTION("党纪处分"),
  UNQUALIFIED_FILING("不合格党员处置事前备案"),
  UNQUALIFIED_PRE_REVIEW("不合格党员处置预审"),
  UNQUALIFIED_DECISION("不合格党员处置审批"),
  ELECTION_REQUEST("换届选举请示"),
  CANDIDATE_LIST("候选人预备人选审查"),
  ELECTION_RESULT("选举结果报批"),
  TERM_POSTPONEMENT("延期换届"),
  DUES_HARDSHIP("困难党员减免党费");

  private final String label;

  ApprovalKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
