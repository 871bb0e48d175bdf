package cn.dangjian.orglife.discussion;

import cn.dangjian.orglife.discussion.DiscussionViews.TopicSummary;
import cn.dangjian.orglife.discussion.DiscussionViews.TopicView;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org-life/discussions")
@Tag(name = "党员议事厅 Discussions", description = "支部议题、讨论回复、简单表决、结论 (branch discussions)")
@Validated
class DiscussionController {

  private final DiscussionService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  DiscussionController(DiscussionService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @Schema(description = "发起议题 (open a topic)")
  record OpenTopic(
      @NotNull UUID orgId,
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 4000) String body,
      @Schema(description = "表决选项（可选，2–10项）") @Size(min = 2, max = 10)
          List<@NotBlank @Size(max = 80) String> options) {}

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "支部发起议题 (open a topic)")
  ResponseEntity<TopicView> open(@Valid @RequestBody OpenTopic body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    UUID id =
        service.open(body.orgId(), body.title(), body.body(), body.options(), scope, c.username());
    TopicView v = service.get(id, scope);
    return Versions.created("/api/org-life/discussions/" + id, v, v.version());
  }

  @GetMapping
  @Operation(summary = "支部议题列表（党员：本支部） (topics of a branch)")
  List<TopicSummary> list(@RequestParam(required = false) UUID orgId) {
    return service.list(orgId, scopes.resolve(caller.get()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "议题、讨论与表决结果 (a topic)")
  ResponseEntity<TopicView> get(@PathVariable UUID id) {
    TopicView v = service.get(id, scopes.resolve(caller.get()));
    return Versions.ok(v, v.version());
  }

  @Schema(description = "发言或回复 (a post or reply)")
  record NewPost(
      @Schema(description = "回复的帖子") UUID replyTo, @NotBlank @Size(max = 4000) String body) {}

  @PostMapping("/{id}/posts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(operationId = "postToDiscussion", summary = "发言或回复（本支部党员、辖区党务人员） (post)")
  ResponseEntity<TopicView> post(@PathVariable UUID id, @Valid @RequestBody NewPost body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    service.post(id, body.replyTo(), body.body(), scope, c.username());
    TopicView topic = service.get(id, scope);
    return Versions.created("/api/org-life/discussions/" + id, topic, topic.version());
  }

  @Schema(description = "投票（议题结束前可改） (vote; may be changed while open)")
  record NewVote(@NotNull @Min(0) @Max(9) Integer option) {}

  @PostMapping("/{id}/votes")
  @PreAuthorize("hasRole('member')")
  @Operation(summary = "本支部党员投票，每人一票 (vote)")
  TopicView vote(@PathVariable UUID id, @Valid @RequestBody NewVote body) {
    DataScope scope = scopes.resolve(caller.get());
    service.vote(id, body.option(), scope);
    return service.get(id, scope);
  }

  @Schema(description = "结束讨论并形成结论 (close with a conclusion)")
  record Close(@NotBlank @Size(max = 2000) String conclusion) {}

  @PostMapping("/{id}/close")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "结束讨论并形成结论，需 If-Match (close)")
  ResponseEntity<TopicView> close(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody Close body) {
    Caller c = caller.get();
    DataScope scope = scopes.resolve(c);
    service.close(id, expected.value(), body.conclusion(), scope, c.username());
    TopicView v = service.get(id, scope);
    return Versions.ok(v, v.version());
  }
}
