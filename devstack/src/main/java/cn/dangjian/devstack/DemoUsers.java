package cn.dangjian.devstack;

import java.util.List;

/** The demo users of {@code deploy/keycloak/demo/dangjian-realm.json}. LOCAL USE ONLY. */
public final class DemoUsers {

  public static final String PASSWORD = "Dangjian@2026";

  /** A demo user and its realm role. */
  public record DemoUser(String username, String role, String description) {}

  public static final List<DemoUser> ALL =
      List.of(
          new DemoUser("admin", "platform-admin", "组织部 platform administrator"),
          new DemoUser("secretary-a", "secretary", "书记 of branch A"),
          new DemoUser("secretary-b", "secretary", "书记 of branch B"),
          new DemoUser("jiwei", "discipline-commission", "县纪委 county discipline commission"),
          new DemoUser("worker", "party-worker", "党务工作者"),
          new DemoUser("member1", "member", "党员"),
          new DemoUser("assessor", "assessor", "第三方评估"));

  private DemoUsers() {}
}
