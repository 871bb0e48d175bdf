package cn.dangjian.orglife.talk;

import cn.dangjian.orglife.talk.TalkViews.CoverageView;
import cn.dangjian.orglife.talk.TalkViews.TalkView;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org-life/talks")
@Tag(name = "谈心谈话 Talks", description = "谈心谈话记录与年度覆盖 (heart-to-heart talks)")
@Validated
class TalkController {

  private final TalkService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  TalkController(TalkService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @Schema(description = "登记一次谈心谈话 (record a talk)")
  record NewTalk(
      @NotNull UUID orgId,
      @NotNull LocalDate talkedOn,
      @NotNull UUID memberAId,
      @NotNull UUID memberBId,
      @Schema(description = "谈话要点") @Size(max = 2000) String summary) {}

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "登记谈心谈话 (record a talk)")
  ResponseEntity<TalkView> record(@Valid @RequestBody NewTalk body) {
    Caller c = caller.get();
    TalkView v =
        service.record(
            body.orgId(),
            body.talkedOn(),
            body.memberAId(),
            body.memberBId(),
            body.summary(),
            scopes.resolve(c),
            c.username());
    return ResponseEntity.created(URI.create("/api/org-life/talks/" + v.id())).body(v);
  }

  @GetMapping
  @Operation(summary = "支部年度谈心谈话记录 (a branch's talks in a year)")
  List<TalkView> list(@RequestParam UUID orgId, @RequestParam @Min(2000) @Max(2100) int year) {
    return service.list(orgId, year, scopes.resolve(caller.get()));
  }

  @GetMapping("/coverage")
  @Operation(summary = "谈心谈话覆盖情况：缺哪些组合 (coverage of the required pairs)")
  CoverageView coverage(@RequestParam UUID orgId, @RequestParam @Min(2000) @Max(2100) int year) {
    return service.coverage(orgId, year, scopes.resolve(caller.get()));
  }
}
