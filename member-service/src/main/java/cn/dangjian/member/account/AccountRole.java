package cn.dangjian.member.account;

/** The realm roles member-service may grant; others (platform-admin…) are managed in Keycloak. */
public enum AccountRole {
  MEMBER("member"),
  SECRETARY("secretary"),
  PARTY_WORKER("party-worker");

  private final String realmRole;

  AccountRole(String realmRole) {
    this.realmRole = realmRole;
  }

  public String realmRole() {
    return realmRole;
  }
}
