package cn.dangjian.member.discipline;

/** Whether a sanction's no-promotion window still runs on a day. */
public enum SanctionStatus {
  IN_EFFECT("影响期内"),
  WINDOW_ENDED("影响期已满");

  private final String label;

  SanctionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
