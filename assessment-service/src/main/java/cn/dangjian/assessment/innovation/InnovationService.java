package cn.dangjian.assessment.innovation;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.innovation.InnovationViews.CaseView;
import cn.dangjian.assessment.innovation.InnovationViews.Material;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Roles;
import cn.dangjian.platform.web.PageResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党建创新奖: an org submits a case with materials → the level above reviews it → a yearly selection
 * picks accepted cases → selected cases form a library everyone can search (可复制、可推广).
 */
@Service
public class InnovationService {

  public static final String SUBMITTED = "SUBMITTED";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String REJECTED = "REJECTED";
  public static final String SELECTED = "SELECTED";

  private final InnovationStore store;
  private final Access access;
  private final Clock clock;

  InnovationService(InnovationStore store, Access access, Clock clock) {
    this.store = store;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  public CaseView submit(
      UUID orgId,
      int year,
      String title,
      String summary,
      String content,
      List<Material> materials) {
    ProjectedOrg org = access.orgInScope(orgId);
    UUID id = UuidV7.next();
    store.insertCase(
        id,
        org.orgId(),
        org.path(),
        year,
        title,
        summary,
        content,
        access.username(),
        clock.instant());
    for (Material m : materials) {
      if ("TEXT".equals(m.kind()) ? m.body() == null : m.ref() == null) {
        throw ProblemException.businessRule(
            "material-needs-content", "innovation.rule.material-content", m.title());
      }
      store.insertMaterial(id, m);
    }
    return get(id);
  }

  /** A case in the caller's scope; a selected case is visible to everyone (the library). */
  @Transactional(readOnly = true)
  public CaseView get(UUID id) {
    DataScope scope = access.scope();
    return store
        .find(id)
        .filter(c -> SELECTED.equals(c.value().status()) || scope.coversPath(c.orgPath()))
        .map(c -> store.withMaterials(c.value()))
        .orElseThrow(() -> ProblemException.notFound("innovation.not-found", id));
  }

  @Transactional(readOnly = true)
  public List<CaseView> list(UUID orgId, Integer year, String status) {
    ProjectedOrg org = access.orgInScope(orgId);
    return store.under(org.path(), year, status);
  }

  /** Review by the level above (not by the submitting org itself). */
  @Transactional
  public CaseView review(UUID id, boolean accept, String note) {
    CaseView c = get(id);
    access.orgAssessedByCaller(c.orgId());
    if (!SUBMITTED.equals(c.status())) {
      throw ProblemException.businessRule("case-reviewed", "innovation.rule.reviewed");
    }
    store.review(id, accept ? ACCEPTED : REJECTED, note, access.username());
    return get(id);
  }

  /** The yearly selection: accepted cases of that year become 入选 with an award. */
  @Transactional
  public List<CaseView> select(int year, List<UUID> caseIds, String award) {
    if (!access.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("innovation.rule.select-role");
    }
    List<CaseView> selected = new ArrayList<>();
    for (UUID id : caseIds) {
      CaseView c = get(id);
      access.orgAssessedByCaller(c.orgId());
      if (c.year() != year || !ACCEPTED.equals(c.status())) {
        throw ProblemException.businessRule(
            "select-accepted-of-year", "innovation.rule.select-accepted", c.title(), year);
      }
      store.select(id, award, access.username());
      selected.add(get(id));
    }
    return selected;
  }

  /** The library of selected cases: words in the title, summary or content; any year or one. */
  @Transactional(readOnly = true)
  public PageResponse<CaseView> library(String query, Integer year, int page, int size) {
    return store.library(query, year, page, size);
  }
}
