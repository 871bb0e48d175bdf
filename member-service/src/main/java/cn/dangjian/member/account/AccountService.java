package cn.dangjian.member.account;

import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberRelocated;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
  private final MemberAccountAuditRepository audit;
  private final KeycloakUsers keycloak;
  private final Clock clock;

  AccountService(
      MemberService members,
      MemberAccountRepository accounts,
      MemberAccountAuditRepository audit,
      KeycloakUsers keycloak,
      Clock clock) {
    this.members = members;
    this.accounts = accounts;
    this.audit = audit;
    this.keycloak = keycloak;
    this.clock = clock;
  }

  /**
   * Creates the member's account or changes its role. Only a Keycloak user this service created for
   * this very member is ever changed: any other user with the username is a 409, never adopted (an
   * officer's account must not be pulled into a branch and stripped of its roles).
   */
  @Transactional
  public AccountView link(
      UUID memberId,
      String username,
      AccountRole role,
      String initialPassword,
      Caller caller,
      DataScope scope) {
    Member member = members.get(memberId, scope);
    if (member.getStatus() != MemberStatus.ACTIVE) {
      throw ProblemException.businessRule(
          "account-needs-active-member", "account.rule.active-member");
    }
    if (role != AccountRole.MEMBER && member.getStage() != MemberStage.FULL) {
      throw ProblemException.businessRule(
          "officers-are-full-members", "account.rule.officers-full-members");
    }
    AccountGrantRules.checkGrant(
        caller.roles(), role, caller.memberId().map(memberId::equals).orElse(false));
    Optional<MemberAccount> ours = accounts.findById(memberId);
    if (ours.isPresent() && !ours.get().getUsername().equalsIgnoreCase(username)) {
      // A second user per member would leave the first one signed in with the old scope.
      throw ProblemException.conflict("account.already-linked", ours.get().getUsername());
    }
    Map<String, String> attributes = attributes(member);
    Optional<KeycloakUsers.User> existing = keycloak.findByUsername(username);
    String generated = null;
    KeycloakUsers.User user;
    if (existing.isPresent()) {
      user = existing.get();
      if (ours.isEmpty() || !ours.get().getKeycloakUserId().equals(user.id())) {
        throw ProblemException.conflict("account.username-taken", username);
      }
      AccountGrantRules.checkChange(caller.roles(), keycloak.realmRoles(user.id()));
      keycloak.updateAttributes(user.id(), attributes);
    } else {
      String password = initialPassword;
      if (password == null) {
        generated = InitialPasswords.generate();
        password = generated;
      }
      user = keycloak.create(username, member.getName(), attributes, password);
    }
    keycloak.setRole(user.id(), role);
    AccountRole oldRole = ours.map(MemberAccount::getRole).orElse(null);
    Instant now = clock.instant();
    MemberAccount account;
    if (ours.isPresent()) {
      account = ours.get();
      account.relink(user.id(), username, role, now);
    } else {
      account = accounts.save(new MemberAccount(memberId, user.id(), username, role, now));
    }
    audit.save(
        new MemberAccountAudit(
            memberId,
            username,
            user.id(),
            ours.isPresent()
                ? MemberAccountAudit.Action.ROLE_CHANGED
                : MemberAccountAudit.Action.CREATED,
            oldRole,
            role,
            caller.username(),
            caller.orgId().orElse(null),
            now));
    return new AccountView(
        memberId,
        account.getUsername(),
        account.getKeycloakUserId(),
        role,
        member.getOrgId(),
        generated);
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
        member.getOrgId(),
        null);
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
              audit.save(
                  new MemberAccountAudit(
                      account.getMemberId(),
                      account.getUsername(),
                      account.getKeycloakUserId(),
                      MemberAccountAudit.Action.ORG_FOLLOWED_TRANSFER,
                      account.getRole(),
                      account.getRole(),
                      "system:transfer",
                      member.getOrgId(),
                      clock.instant()));
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
