package cn.dangjian.dues.access;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.security.Roles;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in dues-service. Scope comes from the member projection (admin and
 * integration: all; secretary and party worker: their subtree; member: self). Anything outside the
 * scope is answered 404, as if it did not exist.
 */
@Component
public class DuesAccess {

  private final CurrentCaller callers;
  private final DataScopeResolver scopes;
  private final MemberProjection projection;

  public DuesAccess(CurrentCaller callers, DataScopeResolver scopes, MemberProjection projection) {
    this.callers = callers;
    this.scopes = scopes;
    this.projection = projection;
  }

  /** The current caller with their scope. */
  public record Access(Caller caller, DataScope scope) {

    /** A member where the projection has them now. */
    public boolean sees(ProjectedMember member) {
      return seesPath(member.orgPath(), member.memberId());
    }

    /** The one switch over the scope kinds: a member under an org path. */
    public boolean seesPath(String orgPath, UUID memberId) {
      return switch (scope.kind()) {
        case ALL -> true;
        case SUBTREE -> orgPath != null && scope.coversPath(orgPath);
        case SELF -> isSelf(memberId);
        case NOTHING -> false;
      };
    }

    /** A member acting for themselves (self-service scope). */
    public boolean isSelf(UUID memberId) {
      return scope.kind() == DataScope.Kind.SELF
          && memberId != null
          && memberId.equals(scope.selfMemberId());
    }

    public boolean staff() {
      return caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY, Roles.PARTY_WORKER)
          && (scope.kind() == DataScope.Kind.ALL || scope.kind() == DataScope.Kind.SUBTREE);
    }

    public String username() {
      return caller.username();
    }

    /**
     * Base and income are personal data: the member, the secretary of the member's own branch, a
     * party worker whose subtree holds the member, and platform admins. Not integration clients,
     * not secretaries of higher committees.
     */
    public boolean mayReadBase(ProjectedMember member) {
      if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
        return true;
      }
      if (scope.kind() == DataScope.Kind.SELF) {
        return member.memberId().equals(scope.selfMemberId());
      }
      if (caller.hasRole(Roles.SECRETARY)
          && caller.orgId().map(member.orgId()::equals).orElse(false)) {
        return true;
      }
      return caller.hasRole(Roles.PARTY_WORKER) && sees(member);
    }
  }

  public Access current() {
    Caller caller = callers.get();
    return new Access(caller, scopes.resolve(caller));
  }

  /**
   * What a list shows the caller: nothing; one member's rows; or a subtree's rows (path prefix,
   * null: everything).
   */
  public record Listing(boolean none, UUID memberId, String pathPrefix) {

    static final Listing NONE = new Listing(true, null, null);

    static Listing member(UUID memberId) {
      return new Listing(false, memberId, null);
    }

    static Listing subtree(String pathPrefix) {
      return new Listing(false, null, pathPrefix);
    }
  }

  /**
   * The one place a list filter meets the scope. Members see only their own rows (asking for
   * another member's shows none); staff see one member in scope (else 404) or an org's subtree in
   * scope (else 404), by default their whole scope; a caller without a scope sees none.
   */
  public Listing listing(Access access, UUID memberId, UUID orgId) {
    DataScope scope = access.scope();
    return switch (scope.kind()) {
      case NOTHING -> Listing.NONE;
      case SELF ->
          memberId != null && !memberId.equals(scope.selfMemberId())
              ? Listing.NONE
              : Listing.member(scope.selfMemberId());
      case ALL, SUBTREE ->
          memberId != null
              ? Listing.member(member(access, memberId).memberId())
              : Listing.subtree(subtreePath(access, orgId));
    };
  }

  /**
   * A stored row of a member (a bill, a payment) booked under {@code orgPath}: visible when that
   * path is in scope or the member now is (moved into the caller's subtree since).
   */
  public boolean seesRow(Access access, String orgPath, UUID memberId) {
    return access.seesPath(orgPath, memberId) || seesMember(access, memberId);
  }

  /** Whether the member, where the projection has them now, is in scope. */
  public boolean seesMember(Access access, UUID memberId) {
    return projection.member(memberId).filter(access::sees).isPresent();
  }

  /** A member the caller may see, or 404. */
  public ProjectedMember member(Access access, UUID memberId) {
    return projection
        .member(memberId)
        .filter(access::sees)
        .orElseThrow(() -> ProblemException.notFound("dues.member-not-found", memberId));
  }

  /**
   * The org hosting the member under a 活动证 on the date, when the caller is its staff but does not
   * see the member otherwise (DOMAIN §3.2: 活动证 holders may pay at the host). Empty otherwise.
   */
  public Optional<UUID> hostCollecting(Access access, UUID memberId, LocalDate on) {
    if (!access.staff()) {
      return Optional.empty();
    }
    Optional<ProjectedMember> member = projection.member(memberId);
    if (member.isEmpty() || access.sees(member.get())) {
      return Optional.empty();
    }
    return projection
        .hostOf(memberId, on)
        .filter(
            host ->
                projection
                    .org(host)
                    .map(org -> access.scope().coversPath(org.path()))
                    .orElse(false));
  }

  /** A member hosted by the caller's org (after {@link #hostCollecting} said so). */
  public ProjectedMember hostedMember(UUID memberId) {
    return projection
        .member(memberId)
        .orElseThrow(() -> ProblemException.notFound("dues.member-not-found", memberId));
  }

  /** A member the caller may manage (staff with the member in scope), or 404/403. */
  public ProjectedMember managedMember(Access access, UUID memberId) {
    ProjectedMember member = member(access, memberId);
    if (!access.staff()) {
      throw ProblemException.forbidden("dues.staff-only");
    }
    return member;
  }

  /**
   * The org subtree a report or run is about: the given org (which must lie in the scope) or the
   * caller's own anchor. Returns the path prefix; null means everything (admins only).
   */
  public String subtreePath(Access access, UUID orgId) {
    if (orgId != null) {
      return org(access, orgId).path();
    }
    return switch (access.scope().kind()) {
      case ALL -> null;
      case SUBTREE -> access.scope().pathPrefix();
      case SELF, NOTHING -> throw ProblemException.forbidden("dues.staff-only");
    };
  }

  /** An org inside the caller's scope, or 404. */
  public ProjectedOrg org(Access access, UUID orgId) {
    return projection
        .org(orgId)
        .filter(o -> access.scope().coversPath(o.path()))
        .orElseThrow(() -> ProblemException.notFound("dues.org-not-found", orgId));
  }
}
