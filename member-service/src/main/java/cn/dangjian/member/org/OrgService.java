package cn.dangjian.member.org;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.OrgRenamed;
import cn.dangjian.member.org.OrgRequests.CreateOrg;
import cn.dangjian.member.scope.DataScope;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and reads organisations within the caller's data scope. */
@Service
public class OrgService {

  private final OrgRepository orgs;
  private final DomainEventPublisher events;
  private final Clock clock;

  OrgService(OrgRepository orgs, DomainEventPublisher events, Clock clock) {
    this.orgs = orgs;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Org create(CreateOrg request, DataScope scope) {
    Org org;
    if (request.parentId() == null) {
      if (scope.kind() != DataScope.Kind.ALL) {
        throw ProblemException.forbidden("org.root-needs-platform-admin");
      }
      org = Org.root(request.name().strip(), request.type(), clock.instant());
    } else {
      Org parent = visible(request.parentId(), scope);
      org = parent.child(request.name().strip(), request.type(), clock.instant());
    }
    orgs.save(org);
    events.publish(
        EventTypes.ORG_CREATED,
        org.getId().toString(),
        org.getPath(),
        new OrgCreated(
            org.getId(), org.getParentId(), org.getName(), org.getOrgType().name(), org.getPath()));
    return org;
  }

  @Transactional
  public Org rename(UUID id, String name, long expectedVersion, DataScope scope) {
    Org org = visible(id, scope);
    if (org.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    String newName = name.strip();
    if (newName.equals(org.getName())) {
      return org;
    }
    org.rename(newName, clock.instant());
    events.publish(
        EventTypes.ORG_RENAMED,
        org.getId().toString(),
        org.getPath(),
        new OrgRenamed(org.getId(), newName));
    return org;
  }

  @Transactional(readOnly = true)
  public Org get(UUID id, DataScope scope) {
    return visible(id, scope);
  }

  @Transactional(readOnly = true)
  public Page<Org> search(
      DataScope scope,
      UUID parentId,
      OrgType type,
      String namePrefix,
      OrgStatus status,
      Pageable pageable) {
    if (scope.kind() == DataScope.Kind.NOTHING || scope.kind() == DataScope.Kind.SELF) {
      return Page.empty(pageable);
    }
    return orgs.search(
        scope.pathFilter().orElse(null),
        parentId,
        type,
        LikeEscaper.prefix(namePrefix),
        status,
        pageable);
  }

  /** Another subtree's org answers 404 exactly like a missing one: no existence leak. */
  Org visible(UUID id, DataScope scope) {
    return orgs.findById(id)
        .filter(org -> scope.coversPath(org.getPath()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", id));
  }
}
