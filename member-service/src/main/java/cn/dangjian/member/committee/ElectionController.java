package cn.dangjian.member.committee;

import cn.dangjian.member.committee.ElectionRequests.ElectionView;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orgs/{orgId}/committee/elections")
@Tag(name = "换届选举 Elections", description = "换届请示、候选人预备人选、党员大会选举、结果报批 (committee elections)")
class ElectionController {

  private final ElectionService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  ElectionController(ElectionService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  private static String location(UUID orgId, UUID electionId) {
    return "/api/orgs/" + orgId + "/committee/elections/" + electionId;
  }

  @GetMapping
  @Operation(
      operationId = "listCommitteeElections",
      summary = "换届选举列表，最近的在前 (the org's elections, newest first)")
  List<ElectionView> list(@PathVariable UUID orgId) {
    return service.list(orgId, scopes.resolve(caller.get()));
  }

  @GetMapping("/{electionId}")
  @Operation(operationId = "getCommitteeElection", summary = "换届选举 (one election)")
  ResponseEntity<ElectionView> get(@PathVariable UUID orgId, @PathVariable UUID electionId) {
    ElectionView view = service.get(orgId, electionId, scopes.resolve(caller.get()));
    return Versions.ok(view, view.version());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "requestCommitteeElection",
      summary = "向上级党委书面请示换届 (file the 换届 request with the 党委 above)",
      description =
          "任期届满前6个月内可提出，届满前1个月内提出的标记为逾期请示（election-request-late）；每个组织只能有一个进行中的换届。"
              + "返回换届选举及其待批复的审批事项（approvalId），由基层党委在 /api/approvals 批复。"
              + " Filed from six months before 换届 is due (flagged when later than one month"
              + " before); one open election per org; the 党委 above decides the approval.")
  ResponseEntity<ElectionView> request(
      @PathVariable UUID orgId, @Valid @RequestBody ElectionRequests.RequestElection request) {
    Caller current = caller.get();
    ElectionView view = service.request(orgId, request, current, scopes.resolve(current));
    return Versions.created(location(orgId, view.id()), view, view.version());
  }

  @PostMapping("/{electionId}/candidates")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "submitElectionCandidates",
      summary = "报审候选人预备人选 (submit the candidate list for approval)",
      description =
          "批复后提出；差额不少于20%（候选人数≥应选人数×1.2，向上取整，且多于应选人数）；候选人须为本组织有表决权的正式党员"
              + "（预备党员、留党察看、权利中止期间的除外）。"
              + " After the 批复; at least 20 % more candidates than seats; candidates are formal"
              + " members of the org with voting rights.")
  ResponseEntity<ElectionView> candidates(
      @PathVariable UUID orgId,
      @PathVariable UUID electionId,
      @Valid @RequestBody ElectionRequests.SubmitCandidates request) {
    Caller current = caller.get();
    ElectionView view =
        service.submitCandidates(orgId, electionId, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.approvalId(), view, view.version());
  }

  @PostMapping("/{electionId}/result")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "recordElectionResult",
      summary = "录入党员大会选举结果 (record the vote of the 党员大会)",
      description =
          "应到会人数由系统按有表决权的正式党员计算；实到会人数须超过应到会人数的五分之四，否则选举无效（记为 INVALID，须重新选举）；"
              + "收回选票多于实到会人数的选举无效；得票超过实到会人数一半的候选人按得票多少当选。"
              + " Those entitled are counted by the service; turnout must exceed four fifths or the"
              + " election is stored INVALID; candidates need more than half of those present.")
  ResponseEntity<ElectionView> result(
      @PathVariable UUID orgId,
      @PathVariable UUID electionId,
      @Valid @RequestBody ElectionRequests.RecordResult request) {
    Caller current = caller.get();
    ElectionView view =
        service.recordResult(orgId, electionId, request, current, scopes.resolve(current));
    return Versions.created(location(orgId, electionId), view, view.version());
  }

  @PostMapping("/{electionId}/result-report")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "reportElectionResult",
      summary = "选举结果及书记、副书记报批 (report the result and the secretary for approval)",
      description =
          "书记、副书记须从当选委员中选出并符合任职条件（书记党龄一般满1年）；无效选举不能报批（422，rule 为无效原因）。"
              + "基层党委批准后开始新一届任期。"
              + " The secretary and deputy come from the elected; an invalid election cannot be"
              + " reported; the approval starts the new term.")
  ResponseEntity<ElectionView> report(
      @PathVariable UUID orgId,
      @PathVariable UUID electionId,
      @Valid @RequestBody ElectionRequests.ReportResult request) {
    Caller current = caller.get();
    ElectionView view =
        service.reportResult(orgId, electionId, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.approvalId(), view, view.version());
  }
}
