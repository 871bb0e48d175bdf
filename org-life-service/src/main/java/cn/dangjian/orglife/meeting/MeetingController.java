package cn.dangjian.orglife.meeting;

import cn.dangjian.orglife.meeting.MeetingRequests.MeetingSummary;
import cn.dangjian.orglife.meeting.MeetingRequests.MeetingView;
import cn.dangjian.orglife.meeting.MeetingRequests.RevisionView;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.PageResponse;
import cn.dangjian.platform.web.Sorting;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org-life/meetings")
@Tag(name = "会议 Meetings", description = "三会一课、主题党日、组织生活会、民主评议：计划、记录、报送、上级审核、归档、更正 (meetings)")
@Validated
class MeetingController {

  /** What the meeting list may be sorted by; latest first unless asked otherwise. */
  static final Set<String> SORTABLE = Set.of("startsAt", "heldOn", "status", "type");

  private static final String WRITERS = "hasAnyRole('platform-admin','secretary','party-worker')";

  private final MeetingPlanning planning;
  private final MeetingRecording recording;
  private final MeetingReview review;
  private final MeetingQueries queries;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  MeetingController(
      MeetingPlanning planning,
      MeetingRecording recording,
      MeetingReview review,
      MeetingQueries queries,
      CurrentCaller caller,
      DataScopeResolver scopes) {
    this.planning = planning;
    this.recording = recording;
    this.review = review;
    this.queries = queries;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize(WRITERS)
  @Operation(summary = "计划会议并通知应到人员 (plan a meeting)")
  ResponseEntity<MeetingView> plan(@Valid @RequestBody MeetingRequests.PlanMeeting body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    Meeting m = planning.plan(body, scope, c.username());
    MeetingView view = queries.view(m.getId(), scope);
    return Versions.created("/api/org-life/meetings/" + m.getId(), view, view.version());
  }

  @GetMapping
  @Operation(summary = "会议列表（本辖区；党员本人为应到或列席的会议） (meetings in scope)")
  PageResponse<MeetingSummary> list(
      @RequestParam(required = false) UUID orgId,
      @RequestParam(required = false) MeetingType type,
      @RequestParam(required = false) MeetingStatus status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    var result =
        queries.search(
            scopes.resolve(caller.get()),
            orgId,
            type,
            status,
            from,
            to,
            PageRequest.of(
                page,
                size,
                Sorting.parse(sort, Sort.by(Sort.Direction.DESC, "startsAt"), SORTABLE)));
    return PageResponse.of(result, summary -> summary);
  }

  @GetMapping("/{id}")
  @Operation(summary = "会议及记录、出席、决议、核查提示 (a meeting with its record)")
  ResponseEntity<MeetingView> get(@PathVariable UUID id) {
    MeetingView view = queries.view(id, scopes.resolve(caller.get()));
    return Versions.ok(view, view.version());
  }

  @GetMapping("/{id}/revisions")
  @Operation(summary = "更正留痕：审核后每次更正前的版本 (earlier versions)")
  List<RevisionView> revisions(@PathVariable UUID id) {
    return queries.revisions(id, scopes.resolve(caller.get()));
  }

  @PutMapping("/{id}/record")
  @PreAuthorize(WRITERS)
  @Operation(summary = "填写会议记录（会后；报送前可修改），需 If-Match (record the meeting)")
  ResponseEntity<MeetingView> record(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody MeetingRequests.RecordMeeting body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    recording.record(id, expected.value(), body, scope, c.username());
    return answer(id, scope);
  }

  @PostMapping("/{id}/submit")
  @PreAuthorize(WRITERS)
  @Operation(summary = "报送上级审核（同时进行形式主义核查，只提示不阻止） (submit for review)")
  ResponseEntity<MeetingView> submit(@PathVariable UUID id, ExpectedVersion expected) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    recording.submit(id, expected.value(), scope, c.username());
    return answer(id, scope);
  }

  @PostMapping("/{id}/approve")
  @PreAuthorize(WRITERS)
  @Operation(summary = "上级组织审核通过 (the superior org approves)")
  ResponseEntity<MeetingView> approve(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody(required = false) MeetingRequests.Approve body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    review.approve(id, expected.value(), body == null ? null : body.comment(), scope, c.username());
    return answer(id, scope);
  }

  @PostMapping("/{id}/return")
  @PreAuthorize(WRITERS)
  @Operation(summary = "上级组织退回并说明原因 (the superior org returns the record)")
  ResponseEntity<MeetingView> returnRecord(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody MeetingRequests.ReturnRecord body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    review.returnRecord(id, expected.value(), body.reason(), scope, c.username());
    return answer(id, scope);
  }

  @PostMapping("/{id}/archive")
  @PreAuthorize(WRITERS)
  @Operation(summary = "归档 (archive an approved record)")
  ResponseEntity<MeetingView> archive(@PathVariable UUID id, ExpectedVersion expected) {
    DataScope scope = scopes.resolve(caller.get());
    review.archive(id, expected.value(), scope);
    return answer(id, scope);
  }

  @PostMapping("/{id}/cancel")
  @PreAuthorize(WRITERS)
  @Operation(summary = "取消计划中的会议 (cancel a planned meeting)")
  ResponseEntity<MeetingView> cancel(@PathVariable UUID id, ExpectedVersion expected) {
    DataScope scope = scopes.resolve(caller.get());
    planning.cancel(id, expected.value(), scope);
    return answer(id, scope);
  }

  @PostMapping("/{id}/corrections")
  @PreAuthorize(WRITERS)
  @Operation(summary = "审核后更正：保存新版本、留痕并重新报送 (correct an approved record)")
  ResponseEntity<MeetingView> correct(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody MeetingRequests.Correction body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    recording.correct(id, expected.value(), body.reason(), body.record(), scope, c.username());
    return answer(id, scope);
  }

  private ResponseEntity<MeetingView> answer(UUID id, DataScope scope) {
    MeetingView view = queries.view(id, scope);
    return Versions.ok(view, view.version());
  }
}
