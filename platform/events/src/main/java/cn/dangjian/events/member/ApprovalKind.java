package cn.dangjian.events.member;

/**
 * What an approval request asks a higher body to decide. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum ApprovalKind {
  DEVELOPMENT_STEP,
  LATE_RECORD,
  STATUS_CHANGE,
  SANCTION,
  UNQUALIFIED_FILING,
  UNQUALIFIED_PRE_REVIEW,
  UNQUALIFIED_DECISION,
  ELECTION_REQUEST,
  CANDIDATE_LIST,
  ELECTION_RESULT,
  TERM_POSTPONEMENT,
  DUES_HARDSHIP
}
