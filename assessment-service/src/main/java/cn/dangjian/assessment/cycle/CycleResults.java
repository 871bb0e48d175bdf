package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.cycle.CycleViews.CycleOrg;
import cn.dangjian.assessment.cycle.CycleViews.OrgResult;
import cn.dangjian.assessment.cycle.CycleViews.Publication;
import cn.dangjian.assessment.cycle.CycleViews.ResultView;
import cn.dangjian.platform.web.PageResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of cycles: the cycles, their orgs, results in rank order, an org's result, publications.
 */
@Service
public class CycleResults {

  private static final int MAX_LISTED_ORGS = 5000;

  private final CycleAccess cycles;
  private final CycleStore cycleStore;
  private final ScoreStore scores;
  private final ResultStore results;

  CycleResults(CycleAccess cycles, CycleStore cycleStore, ScoreStore scores, ResultStore results) {
    this.cycles = cycles;
    this.cycleStore = cycleStore;
    this.scores = scores;
    this.results = results;
  }

  /** A cycle the caller may see: in scope, or an assessor with at least one assigned org. */
  @Transactional(readOnly = true)
  public Cycle get(UUID id) {
    return cycles.visible(id);
  }

  @Transactional(readOnly = true)
  public List<Cycle> list(Integer year) {
    return cycleStore.list(cycles.orgFilter(), year);
  }

  /** The orgs of a cycle the caller may see (an assessor: only the ones assigned to it). */
  @Transactional(readOnly = true)
  public List<CycleOrg> orgs(UUID cycleId) {
    Cycle cycle = cycles.visible(cycleId);
    return cycleStore.orgs(cycle.id(), cycles.orgFilter(), MAX_LISTED_ORGS);
  }

  @Transactional(readOnly = true)
  public List<Publication> publications(UUID cycleId) {
    Cycle cycle = cycles.visible(cycleId);
    return results.publications(cycle.id());
  }

  /** Results in rank order within peer groups, limited to what the caller sees. */
  @Transactional(readOnly = true)
  public PageResponse<ResultView> results(
      UUID cycleId, String peerGroup, boolean weakOnly, int page, int size) {
    Cycle cycle = cycles.visible(cycleId);
    CycleRules.requireComputed(cycle);
    return results.page(cycle.id(), cycles.orgFilter(), peerGroup, weakOnly, page, size);
  }

  /** An org's scores with their evidence, its report, ballots, result and 整改清单. */
  @Transactional(readOnly = true)
  public OrgResult orgResult(UUID cycleId, UUID orgId) {
    Cycle cycle = cycles.visible(cycleId);
    cycles.requireVisibleOrg(cycle, orgId);
    return new OrgResult(
        cycle.id(),
        cycle.status(),
        cycle.publicationNo(),
        results.result(cycle.id(), orgId),
        scores.scores(cycle, orgId),
        scores.report(cycle.id(), orgId),
        scores.ballots(cycle.id(), orgId),
        scores.rectification(cycle.id(), orgId));
  }
}
