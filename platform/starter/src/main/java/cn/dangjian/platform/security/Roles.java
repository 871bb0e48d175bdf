package cn.dangjian.platform.security;

/** Keycloak realm roles (ARCHITECTURE.md, Security). Spring authorities carry a ROLE_ prefix. */
public final class Roles {

  /** 组织部: everything, platform-wide. */
  public static final String PLATFORM_ADMIN = "platform-admin";

  /** 书记: manages its org subtree. */
  public static final String SECRETARY = "secretary";

  /** 党务工作者: data entry in its org subtree. */
  public static final String PARTY_WORKER = "party-worker";

  /** 党员: self service. */
  public static final String MEMBER = "member";

  /** 第三方评估: reads assessment data, submits scores. */
  public static final String ASSESSOR = "assessor";

  /**
   * 纪委: reads its org subtree and decides what the regulations reserve for a discipline inspection
   * commission (开除党籍 needs one at county level or above, DZ Art 42).
   */
  public static final String DISCIPLINE_COMMISSION = "discipline-commission";

  /** Machine client (client credentials). */
  public static final String INTEGRATION = "integration";

  /**
   * alert-service's service account: reads a member's contact addresses, in clear, at the moment a
   * notification goes out (and nothing else).
   */
  public static final String NOTIFICATION_SENDER = "notification-sender";

  private Roles() {}
}
