package cn.dangjian.orglife.meeting;

import org.springframework.modulith.NamedInterface;

/** planned → held → submitted → approved (or returned) → archived. */
@NamedInterface("lookup")
public enum MeetingStatus {
  PLANNED("已计划"),
  CANCELLED("已取消"),
  HELD("已召开"),
  SUBMITTED("已报送"),
  RETURNED("已退回"),
  APPROVED("已审核"),
  ARCHIVED("已归档");

  private final String label;

  MeetingStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether a meeting in this status counts for compliance and attendance: once the superior org
   * approved the record (or it was archived); a correction withdraws it until approved again.
   * Published in {@code MeetingRecordChanged.counted}, so other services never re-derive it.
   */
  public boolean counts() {
    return this == APPROVED || this == ARCHIVED;
  }
}
