package cn.dangjian.assessment.indicator;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.indicator.IndicatorRules.Node;
import cn.dangjian.assessment.indicator.IndicatorViews.IndicatorView;
import cn.dangjian.assessment.indicator.IndicatorViews.SystemView;
import cn.dangjian.assessment.indicator.IndicatorViews.VersionSummary;
import cn.dangjian.assessment.indicator.IndicatorViews.VersionView;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.security.Roles;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Indicator systems and their versioned trees; a published version never changes. */
@Service
public class IndicatorService {

  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";

  private final IndicatorStore store;
  private final Access access;
  private final IndicatorReaders readers;
  private final Clock clock;

  IndicatorService(IndicatorStore store, Access access, IndicatorReaders readers, Clock clock) {
    this.store = store;
    this.access = access;
    this.readers = readers;
    this.clock = clock;
  }

  /** A new system owned by an org the caller manages, with an empty draft version 1. */
  @Transactional
  public SystemView create(UUID ownerOrgId, String name, String description, int year) {
    ProjectedOrg owner = manageableOrg(ownerOrgId);
    UUID id = UuidV7.next();
    store.insertSystem(
        id, owner.orgId(), owner.path(), name, description, access.username(), clock.instant());
    insertVersion(id, 1, year);
    return system(id);
  }

  @Transactional(readOnly = true)
  public SystemView system(UUID id) {
    return store
        .system(id)
        .orElseThrow(() -> ProblemException.notFound("indicator.system-not-found", id));
  }

  /** The systems the caller may read ({@link IndicatorReaders}); newest first, at most 200. */
  @Transactional(readOnly = true)
  public List<SystemView> systems() {
    IndicatorReaders.Scope scope = readers.ofCaller();
    if (scope.nothing()) {
      return List.of();
    }
    return store.systems(scope);
  }

  /** A system, if the caller may read it; 404 otherwise (no hint that it exists). */
  @Transactional(readOnly = true)
  public SystemView readableSystem(UUID id) {
    if (!readers.ofCaller().reads(store.ownerPath(id))) {
      throw ProblemException.notFound("indicator.system-not-found", id);
    }
    return system(id);
  }

  /** A version with its tree, if the caller may read its system; 404 otherwise. */
  @Transactional(readOnly = true)
  public VersionView readableVersion(UUID versionId) {
    VersionView v = version(versionId);
    if (!readers.ofCaller().reads(store.ownerPath(v.systemId()))) {
      throw ProblemException.notFound("indicator.version-not-found", versionId);
    }
    return v;
  }

  /** A new draft version for a year, starting from a copy of the latest version's tree. */
  @Transactional
  public VersionView newVersion(UUID systemId, int year) {
    SystemView system = system(systemId);
    manageableOrg(system.ownerOrgId());
    store.lockSystem(systemId);
    VersionSummary latest = system.versions().get(system.versions().size() - 1);
    UUID id = insertVersion(systemId, latest.versionNo() + 1, year);
    store.insertTree(id, entered(store.tree(latest.id())));
    return version(id);
  }

  @Transactional(readOnly = true)
  public VersionView version(UUID versionId) {
    VersionView v =
        store
            .version(versionId)
            .orElseThrow(() -> ProblemException.notFound("indicator.version-not-found", versionId));
    return new VersionView(
        v.id(), v.systemId(), v.versionNo(), v.year(), v.status(), v.version(), store.tree(v.id()));
  }

  /** Replaces a draft's whole tree (optimistic: the caller's row version must be current). */
  @Transactional
  public VersionView replaceTree(UUID versionId, long expected, List<Entered> roots) {
    VersionView v = lockedDraft(versionId, expected);
    IndicatorRules.checkShape(roots.stream().map(Entered::node).toList());
    store.deleteTree(v.id());
    store.insertTree(v.id(), roots);
    store.bump(v.id());
    return version(v.id());
  }

  /** Publishes a draft: its weights must add up; from now on it is immutable. */
  @Transactional
  public VersionView publish(UUID versionId, long expected) {
    VersionView v = lockedDraft(versionId, expected);
    IndicatorRules.checkWeightsAddUp(nodes(v.indicators()));
    store.publish(v.id(), access.username(), clock.instant());
    return version(v.id());
  }

  /** The leaves of a version, in tree order. */
  public List<Leaf> leaves(UUID versionId) {
    return store.leaves(versionId);
  }

  /** One leaf of a version; 404 when the version has no such leaf. */
  public Leaf leaf(UUID versionId, UUID indicatorId) {
    return leaves(versionId).stream()
        .filter(l -> l.id().equals(indicatorId))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("indicator.not-found", indicatorId));
  }

  private VersionView lockedDraft(UUID versionId, long expected) {
    VersionView v = version(versionId);
    SystemView system = system(v.systemId());
    manageableOrg(system.ownerOrgId());
    Long current = store.lockVersion(versionId);
    if (current == null || current != expected) {
      throw ProblemException.preconditionFailed();
    }
    if (!DRAFT.equals(v.status())) {
      throw ProblemException.businessRule(
          "published-version-is-immutable", "indicator.rule.published-immutable", v.versionNo());
    }
    return v;
  }

  private ProjectedOrg manageableOrg(UUID orgId) {
    if (!access.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("indicator.rule.manage-role");
    }
    return access.orgInScope(orgId);
  }

  private UUID insertVersion(UUID systemId, int versionNo, int year) {
    UUID id = UuidV7.next();
    store.insertVersion(id, systemId, versionNo, year, access.username(), clock.instant());
    return id;
  }

  private static List<Node> nodes(List<IndicatorView> views) {
    return views.stream().map(IndicatorService::node).toList();
  }

  private static Node node(IndicatorView v) {
    return new Node(
        v.code(),
        v.name(),
        v.kind(),
        v.weight(),
        v.method(),
        v.scorer(),
        v.source(),
        nodes(v.children()));
  }

  private static List<Entered> entered(List<IndicatorView> views) {
    return views.stream()
        .map(v -> new Entered(node(v), v.scorerName(), v.description(), entered(v.children())))
        .toList();
  }
}
