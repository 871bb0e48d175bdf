package cn.dangjian.member.person;

/** Membership status (DOMAIN.md §2.1, §2.3). Everything but ACTIVE and SUSPENDED is final. */
public enum MemberStatus {
  ACTIVE("正常"),
  /** 停止党籍: lost contact ≥6 months, settled abroad…; restorable. */
  SUSPENDED("停止党籍"),
  /** 退党 (voluntary withdrawal), announced as 除名 by the branch meeting. */
  WITHDRAWN("退党"),
  /** 劝退. */
  PERSUADED_TO_QUIT("劝退"),
  /** 除名, including 自行脱党. */
  STRUCK_OFF("除名"),
  /** 开除党籍. */
  EXPELLED("开除党籍"),
  /** 取消预备党员资格. */
  PROBATION_CANCELLED("取消预备党员资格"),
  /** 不再保留预备党员资格. */
  PROBATION_NOT_RETAINED("不再保留预备党员资格"),
  DECEASED("死亡"),
  /** 组织关系转出本系统 (to an organisation outside the platform). */
  TRANSFERRED_OUT("转出");

  private final String label;

  MemberStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isFinal() {
    return this != ACTIVE && this != SUSPENDED;
  }
}
