package cn.dangjian.member.org;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.OrgClassified;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.OrgDissolved;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.events.member.OrgRenamed;
import cn.dangjian.events.member.UnitType;
import cn.dangjian.member.org.OrgRequests.CreateOrg;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.CurrentCaller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, renames, moves, dissolves and reads organisations within the caller's data scope. */
@Service
public class OrgService {

  /** The path column's width (V1__orgs_and_members.sql). */
  static final int MAX_PATH_LENGTH = 740;

  private final OrgRepository orgs;
  private final OrgHistoryRepository history;
  private final OrgTreeStore tree;
  private final DomainEventPublisher events;
  private final CurrentCaller caller;
  private final Clock clock;

  OrgService(
      OrgRepository orgs,
      OrgHistoryRepository history,
      OrgTreeStore tree,
      DomainEventPublisher events,
      CurrentCaller caller,
      Clock clock) {
    this.orgs = orgs;
    this.history = history;
    this.tree = tree;
    this.events = events;
    this.caller = caller;
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
    org.classify(request.unitType(), request.affiliation());
    orgs.save(org);
    record(org.getId(), "CREATED", null, org.getPath());
    events.publish(
        EventTypes.ORG_CREATED,
        org.getId().toString(),
        org.getPath(),
        new OrgCreated(
            org.getId(), org.getParentId(), org.getName(), org.getOrgType().name(), org.getPath()));
    publishClassified(org);
    return org;
  }

  /**
   * Changes the 单位类型 and 隶属关系 of the organisation's unit (党内统计) and publishes {@code
   * org.classified}; the same values again change nothing.
   */
  @Transactional
  public Org changeUnit(
      UUID id, UnitType unitType, Affiliation affiliation, long expectedVersion, DataScope scope) {
    Org org = visible(id, scope);
    if (org.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    if (org.getUnitType() == unitType && org.getAffiliation() == affiliation) {
      return org;
    }
    String before = org.getUnitType() + "/" + org.getAffiliation();
    org.classify(unitType, affiliation);
    org.touch(clock.instant());
    record(id, "UNIT_CHANGED", before, org.getUnitType() + "/" + org.getAffiliation());
    publishClassified(org);
    return org;
  }

  /**
   * One batch of the go-live republication: {@code org.classified} for the organisations of a
   * subtree (or all) in path order after {@code afterPath}, at most {@code limit}, in this
   * transaction.
   */
  @Transactional
  public Republished republishClassified(String pathPrefix, String afterPath, int limit) {
    List<Org> batch = orgs.classificationPage(pathPrefix, afterPath, PageRequest.ofSize(limit));
    batch.forEach(this::publishClassified);
    return new Republished(
        batch.size(), batch.isEmpty() ? afterPath : batch.get(batch.size() - 1).getPath());
  }

  /**
   * @param count organisations published in the batch
   * @param lastPath where the next batch starts after
   */
  public record Republished(int count, String lastPath) {}

  private void publishClassified(Org org) {
    events.publish(
        EventTypes.ORG_CLASSIFIED,
        org.getId().toString(),
        org.getPath(),
        new OrgClassified(org.getId(), org.getUnitType().name(), org.getAffiliation().name()));
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
    record(id, "RENAMED", org.getName(), newName);
    org.rename(newName, clock.instant());
    events.publish(
        EventTypes.ORG_RENAMED,
        org.getId().toString(),
        org.getPath(),
        new OrgRenamed(org.getId(), newName));
    return org;
  }

  /**
   * Re-parents an organisation with its whole subtree: one transaction rewrites the materialised
   * paths of every descendant org and every member below, so scope filters stay a prefix match.
   */
  @Transactional
  public Org move(UUID id, UUID newParentId, long expectedVersion, DataScope scope) {
    Org org = visible(id, scope);
    if (org.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    Org newParent = visible(newParentId, scope);
    if (org.getParentId() == null) {
      throw ProblemException.businessRule("root-cannot-move", "org.rule.root-cannot-move");
    }
    if (newParent.getPath().startsWith(org.getPath())) {
      throw ProblemException.businessRule(
          "cannot-move-under-own-subtree", "org.rule.cannot-move-under-own-subtree");
    }
    if (newParent.getId().equals(org.getParentId())) {
      return org;
    }
    OrgTreeRules.checkChild(newParent, org.getOrgType());
    String oldPath = org.getPath();
    String newPath = newParent.getPath() + org.getId() + "/";
    int depthDelta = newParent.getDepth() + 1 - org.getDepth();
    OrgTreeStore.Extent extent = tree.extent(oldPath);
    if (extent.deepest() + depthDelta > OrgTreeRules.MAX_DEPTH
        || extent.longestPath() + newPath.length() - oldPath.length() > MAX_PATH_LENGTH) {
      throw ProblemException.businessRule(
          "tree-too-deep", "org.rule.tree-too-deep", OrgTreeRules.MAX_DEPTH);
    }
    UUID oldParentId = org.getParentId();
    orgs.flush();
    OrgTreeStore.Moved moved =
        tree.move(id, newParentId, oldPath, newPath, depthDelta, clock.instant());
    orgs.detachAll();
    record(id, "MOVED", oldPath, newPath);
    events.publish(
        EventTypes.ORG_MOVED,
        id.toString(),
        newPath,
        new OrgMoved(
            id, oldParentId, newParentId, oldPath, newPath, moved.orgs(), moved.members()));
    return orgs.findById(id).orElseThrow();
  }

  /** Dissolves (撤销) an org that no longer has active sub-organisations or members. */
  @Transactional
  public Org dissolve(
      UUID id, LocalDate dissolvedOn, String reason, long expectedVersion, DataScope scope) {
    Org org = visible(id, scope);
    if (org.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    if (org.getStatus() == OrgStatus.DISSOLVED) {
      throw ProblemException.businessRule("org-already-dissolved", "org.rule.already-dissolved");
    }
    int activeChildren = tree.activeChildren(org.getPath());
    int activeMembers = tree.activeMembers(org.getPath());
    if (activeChildren > 0 || activeMembers > 0) {
      throw ProblemException.businessRule(
          "org-not-empty", "org.rule.not-empty", activeChildren, activeMembers);
    }
    org.dissolve(dissolvedOn, clock.instant());
    record(id, "DISSOLVED", null, reason.strip());
    events.publish(
        EventTypes.ORG_DISSOLVED, id.toString(), org.getPath(), new OrgDissolved(id, dissolvedOn));
    return org;
  }

  @Transactional(readOnly = true)
  public List<OrgHistory> history(UUID id, DataScope scope) {
    visible(id, scope);
    return history.findByOrgIdOrderByChangedAtAsc(id);
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
    return orgs.findAll(
        OrgSearch.of(
            scope.pathFilter().orElse(null),
            parentId,
            type,
            LikeEscaper.prefix(namePrefix),
            status),
        pageable);
  }

  /** Another subtree's org answers 404 exactly like a missing one: no existence leak. */
  Org visible(UUID id, DataScope scope) {
    return orgs.findById(id)
        .filter(org -> scope.coversPath(org.getPath()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", id));
  }

  private void record(UUID orgId, String type, String oldValue, String newValue) {
    history.save(
        new OrgHistory(
            orgId, type, oldValue, newValue, caller.usernameOrSystem(), clock.instant()));
  }
}
