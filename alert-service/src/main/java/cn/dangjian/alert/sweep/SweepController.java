package cn.dangjian.alert.sweep;

import cn.dangjian.alert.handling.AlertRequests.SweepRequest;
import cn.dangjian.alert.sweep.SweepService.SweepReport;
import cn.dangjian.platform.jobs.JobType;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations: run the time-driven rules "as of" a date (re-runs change nothing). */
@RestController
@RequestMapping("/api/alerts/sweeps")
@Tag(name = "预警扫描 sweeps", description = "按日期执行定时规则扫描（运维与测试）")
@PreAuthorize("hasRole('platform-admin')")
public class SweepController {

  static final String KIND = "alert-sweep";

  private final SweepService sweeps;
  private final Jobs jobs;
  private final CurrentCaller callers;

  SweepController(SweepService sweeps, Jobs jobs, CurrentCaller callers) {
    this.sweeps = sweeps;
    this.jobs = jobs;
    this.callers = callers;
  }

  /** What a sweep job runs. */
  record SweepPayload(LocalDate asOf) {}

  /**
   * A sweep as a job: resumable (re-runs change nothing) and cancellable between chunks. Another
   * instance's sweep in progress ends the job failed with 409, as the synchronous call answered.
   */
  @Bean
  static JobType<SweepPayload> alertSweepJobType(SweepService sweeps) {
    return new JobType<>(
        KIND,
        SweepPayload.class,
        true,
        true,
        (payload, context) ->
            sweeps
                .run(payload.asOf(), context)
                .orElseThrow(() -> ProblemException.conflict("alert.sweep-running")));
  }

  @PostMapping
  @Operation(
      summary = "按指定日期扫描（后台任务）(run a sweep as of a date, as a job)",
      description =
          "立即返回202与任务；任务结果 result 为扫描报告（members, orgs, raised, changed, resolved,"
              + " escalated）。同一日期的扫描正在执行时返回该任务；其他实例正在扫描时任务以409失败。"
              + " Runs as a job: 202; the job's result is the sweep report.")
  public ResponseEntity<JobView> run(@Valid @RequestBody SweepRequest body) {
    return jobs.accepted(
        jobs.submit(
            KIND,
            new SweepPayload(body.asOf()),
            body.asOf().toString(),
            null,
            callers.get().username()));
  }

  @GetMapping
  @Operation(operationId = "listRecentSweeps", summary = "最近的扫描记录 (recent sweeps)")
  public List<SweepReport> recent() {
    return sweeps.recent();
  }
}
