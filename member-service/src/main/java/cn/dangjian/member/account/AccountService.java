package cn.dangjian.member.account;

import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberRelocated;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Creates or links a member's Keycloak user with {@code org_id}/{@code member_id} and a realm role,
 * and keeps {@code org_id} following the register when the member is transferred.
 */
@Service
public class AccountService {

  private final MemberService members;
  private final MemberAccountRepository accounts;
  private final KeycloakUsers keycloak;
  private final Clock clock;

  AccountService(
      MemberService members,
      MemberAccountRepository accounts,
      KeycloakUsers keycloak,
      Clock clock) {
    this.members = members;
    this.accounts = accounts;
    this.keycloak = keycloak;
    this.clock = clock;
  }

  public record AccountView(
      UUID memberId, String username, String keycloakUserId, AccountRole role, UUID orgId) {}

  @Transactional
  public AccountView link(
      UUID memberId, String username, AccountRole role, String initialPassword, DataScope scope) {
    Member member = members.get(memberId, scope);
    if (member.getStatus() != MemberStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "account-needs-active-member", "account.rule.active-member");
    }
    if (role != AccountRole.MEMBER && member.getStage() != MemberStage.FULL) {
      throw ProblemException.businessRule(
          "officers-are-full-members", "account.rule.officers-full-members");
    }
    Map<String, String> attributes = attributes(member);
    KeycloakUsers.User user =
        keycloak
            .findByUsername(username)
            .map(
                existing -> {
                  String linked =
                      existing.attributes().getOrDefault("member_id", java.util.List.of()).stream()
                          .findFirst()
                          .orElse(null);
                  if (linked != null && !linked.equals(memberId.toString())) {
                    throw ProblemException.conflict("account.username-taken", username);
                  }
                  keycloak.updateAttributes(existing.id(), attributes);
                  return existing;
                })
            .orElseGet(
                () -> keycloak.create(username, member.getName(), attributes, initialPassword));
    keycloak.setRole(user.id(), role);
    MemberAccount account =
        accounts
            .findById(memberId)
            .map(
                a -> {
                  a.relink(user.id(), username, role, clock.instant());
                  return a;
                })
            .orElseGet(
                () ->
                    accounts.save(
                        new MemberAccount(memberId, user.id(), username, role, clock.instant())));
    return new AccountView(
        memberId, account.getUsername(), account.getKeycloakUserId(), role, member.getOrgId());
  }

  @Transactional(readOnly = true)
  public AccountView get(UUID memberId, DataScope scope) {
    Member member = members.get(memberId, scope);
    MemberAccount account =
        accounts
            .findById(memberId)
            .orElseThrow(() -> ProblemException.notFound("account.none", memberId));
    return new AccountView(
        memberId,
        account.getUsername(),
        account.getKeycloakUserId(),
        account.getRole(),
        member.getOrgId());
  }

  /**
   * After a transfer is received, the member's token must carry the new branch. Runs after commit
   * and is recorded in the event publication registry, so a Keycloak outage is retried.
   */
  @TransactionalEventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void onRelocated(MemberRelocated relocated) {
    accounts
        .findById(relocated.memberId())
        .ifPresent(
            account -> {
              Member member = members.get(relocated.memberId(), DataScope.all());
              keycloak.updateAttributes(account.getKeycloakUserId(), attributes(member));
              account.touch(clock.instant());
            });
  }

  private static Map<String, String> attributes(Member member) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(
        "org_id", member.getStatus() == MemberStatus.ACTIVE ? member.getOrgId().toString() : null);
    attributes.put("member_id", member.getId().toString());
    return attributes;
  }
}
