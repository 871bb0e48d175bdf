package cn.dangjian.member.discipline;

import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.discipline.DisciplineRequests.NextCaseMeasure;
import cn.dangjian.member.discipline.DisciplineRequests.OpenUnqualifiedCase;
import cn.dangjian.member.discipline.DisciplineRequests.RecordCaseStep;
import cn.dangjian.member.discipline.DisciplineRequests.RequestCaseApproval;
import cn.dangjian.member.discipline.DisciplineRequests.SanctionRequest;
import cn.dangjian.member.discipline.DisciplineRequests.SanctionView;
import cn.dangjian.member.discipline.DisciplineRequests.UnqualifiedCaseView;
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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/members/{memberId}")
@Tag(
    name = "纪律处分与不合格党员处置 Discipline",
    description =
        "党纪处分（支部大会决定、基层党委审批）及其影响期；不合格党员组织处置（限期改正、劝其退党、除名）"
            + " (sanctions and their windows; the procedure for members found unqualified)")
class DisciplineController {

  private final Sanctions sanctions;
  private final UnqualifiedCases cases;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  DisciplineController(
      Sanctions sanctions, UnqualifiedCases cases, CurrentCaller caller, DataScopeResolver scopes) {
    this.sanctions = sanctions;
    this.cases = cases;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/sanctions")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "requestSanction",
      summary = "提请党纪处分 (request a disciplinary sanction)",
      description =
          "附支部大会表决（实到过半、赞成超过应到会半数），报基层党委审批，批准日生效：警告1年、严重警告18个月内不得提拔，"
              + "撤销党内职务2年内不得担任同级或更高职务，留党察看1或2年（期间无表决权、选举权和被选举权，"
              + "期满后2年内不得担任同级或更高职务）。开除党籍按党籍处置提请（基层党委、纪委审批）。"
              + " Returns the approval request; the sanction takes effect on its approval.")
  ResponseEntity<ApprovalView> requestSanction(
      @PathVariable UUID memberId, @Valid @RequestBody SanctionRequest request) {
    Caller current = caller.get();
    ApprovalView view = sanctions.request(memberId, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.id(), view, view.version());
  }

  @GetMapping("/sanctions")
  @Operation(operationId = "listSanctions", summary = "党纪处分记录 (the member's sanctions)")
  List<SanctionView> listSanctions(@PathVariable UUID memberId) {
    return sanctions.list(memberId, scopes.resolve(caller.get()));
  }

  @GetMapping("/sanctions/{sanctionId}")
  @Operation(operationId = "getSanction", summary = "党纪处分 (a sanction)")
  SanctionView getSanction(@PathVariable UUID memberId, @PathVariable UUID sanctionId) {
    return sanctions.get(memberId, sanctionId, scopes.resolve(caller.get()));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/unqualified-cases")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "openUnqualifiedCase",
      summary = "启动不合格党员组织处置（支委会提出） (open a case for a member found unqualified)",
      description =
          "触发情形：民主评议不合格、失联六个月以上后恢复联系、连续六个月不参加组织生活或不交纳党费。"
              + "已因同一问题受党纪处分（影响期内）的不再重复处置（422）。"
              + " The committee's proposal opens the case.")
  ResponseEntity<UnqualifiedCaseView> openUnqualifiedCase(
      @PathVariable UUID memberId, @Valid @RequestBody OpenUnqualifiedCase request) {
    Caller current = caller.get();
    UnqualifiedCaseView view = cases.open(memberId, request, current, scopes.resolve(current));
    return Versions.created(
        "/api/members/" + memberId + "/unqualified-cases/" + view.id(), view, view.version());
  }

  @GetMapping("/unqualified-cases")
  @Operation(operationId = "listUnqualifiedCases", summary = "不合格党员组织处置记录 (the member's cases)")
  List<UnqualifiedCaseView> listUnqualifiedCases(@PathVariable UUID memberId) {
    return cases.list(memberId, scopes.resolve(caller.get()));
  }

  @GetMapping("/unqualified-cases/{caseId}")
  @Operation(operationId = "getUnqualifiedCase", summary = "不合格党员组织处置 (a case and its steps)")
  ResponseEntity<UnqualifiedCaseView> getUnqualifiedCase(
      @PathVariable UUID memberId, @PathVariable UUID caseId) {
    UnqualifiedCaseView view = cases.get(memberId, caseId, scopes.resolve(caller.get()));
    return Versions.ok(view, view.version());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/unqualified-cases/{caseId}/steps")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "recordUnqualifiedCaseStep",
      summary = "记录处置步骤：调查核实、谈话、支部大会表决 (record a branch step)",
      description = "按顺序：备案后调查核实；两名正式党员谈话；预审后支部大会表决。 Steps are taken in order.")
  ResponseEntity<UnqualifiedCaseView> recordUnqualifiedCaseStep(
      @PathVariable UUID memberId,
      @PathVariable UUID caseId,
      @Valid @RequestBody RecordCaseStep request) {
    Caller current = caller.get();
    UnqualifiedCaseView view =
        cases.recordStep(memberId, caseId, request, current, scopes.resolve(current));
    return Versions.created(
        "/api/members/" + memberId + "/unqualified-cases/" + caseId, view, view.version());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/unqualified-cases/{caseId}/requests")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "requestUnqualifiedCaseApproval",
      summary = "提请上级：事前备案、预审、审批 (request filing, pre-review or the decision)",
      description =
          "事前备案、审批由基层党委；预审由基层党委，劝退、除名还须上级党委。审批通过时措施生效："
              + "限期改正（默认6个月，最长1年）设“限期改正”标记，劝退、除名变更党籍状态。"
              + " Returns the approval request; the step is recorded when it is approved.")
  ResponseEntity<ApprovalView> requestUnqualifiedCaseApproval(
      @PathVariable UUID memberId,
      @PathVariable UUID caseId,
      @Valid @RequestBody RequestCaseApproval request) {
    Caller current = caller.get();
    ApprovalView view =
        cases.requestStep(memberId, caseId, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.id(), view, view.version());
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/unqualified-cases/{caseId}/next-measure")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "escalateUnqualifiedCase",
      summary = "限期改正期满仍无转变，采取下一步措施 (next measure after an unsuccessful correction)")
  ResponseEntity<UnqualifiedCaseView> escalateUnqualifiedCase(
      @PathVariable UUID memberId,
      @PathVariable UUID caseId,
      @Valid @RequestBody NextCaseMeasure request) {
    Caller current = caller.get();
    UnqualifiedCaseView view =
        cases.nextMeasure(memberId, caseId, request, current, scopes.resolve(current));
    return Versions.created(
        "/api/members/" + memberId + "/unqualified-cases/" + caseId, view, view.version());
  }
}
