package cn.dangjian.orglife.meeting;

import org.springframework.modulith.NamedInterface;

/** Why an expected attendee was absent (请假、病假、公务、流动党员异地参加、无故缺席). */
@NamedInterface("absence-reasons")
public enum AbsenceReason {
  LEAVE("事假"),
  ILLNESS("病假"),
  WORK("公务"),
  MOBILE_ELSEWHERE("流动党员在外地参加组织生活"),
  UNEXCUSED("无故缺席");

  private final String label;

  AbsenceReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the absence is excused (an unexcused one counts towards consecutive-absence rules). */
  public boolean excused() {
    return this != UNEXCUSED;
  }
}
