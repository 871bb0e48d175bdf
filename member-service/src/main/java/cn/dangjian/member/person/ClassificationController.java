package cn.dangjian.member.person;

import cn.dangjian.member.org.OrgService;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "党员 Members", description = "党员与入党申请人档案 (member records)")
class ClassificationController {

  private final OrgService orgs;
  private final Jobs jobs;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  ClassificationController(
      OrgService orgs, Jobs jobs, CurrentCaller caller, DataScopeResolver scopes) {
    this.orgs = orgs;
    this.jobs = jobs;
    this.caller = caller;
    this.scopes = scopes;
  }

  @PostMapping("/api/members/classifications/republish")
  @PreAuthorize("hasRole('platform-admin')")
  @Operation(
      operationId = "republishClassifications",
      summary = "重新发布党内统计分类 (republish the 党内统计 classifications)",
      description =
          "上线时补数：为调用者管辖范围（或 orgId 子树）内每名党员发布 member.classified、每个党组织发布"
              + " org.classified，以后台任务执行（每1000条一个事务），返回202及任务；任务结果为发布条数"
              + " {members, orgs}。同一范围的任务未结束时再次调用返回该任务。"
              + " Go-live backfill: member.classified for every member and org.classified for every"
              + " organisation of the caller's scope (or the orgId subtree), as a job in batches of"
              + " 1000, each its own transaction; the job's result counts what was published. While"
              + " one runs for the same range, starting again returns it.")
  ResponseEntity<JobView> republish(
      @Parameter(description = "只处理该组织及其下级 (only this subtree)") @RequestParam(required = false)
          UUID orgId) {
    Caller current = caller.get();
    DataScope scope = scopes.resolve(current);
    String prefix =
        orgId == null ? scope.pathFilter().orElse(null) : orgs.get(orgId, scope).getPath();
    JobView job =
        jobs.submit(
            ClassificationRepublication.KIND,
            new ClassificationRepublication.Request(prefix, current.username()),
            String.valueOf(prefix),
            null,
            current.username());
    return jobs.accepted(job);
  }
}
