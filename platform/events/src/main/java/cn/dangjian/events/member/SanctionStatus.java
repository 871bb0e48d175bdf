package cn.dangjian.events.member;

/** Whether a sanction's no-promotion window still runs. Published as a string. */
public enum SanctionStatus {
  IN_EFFECT,
  WINDOW_ENDED
}
