package cn.dangjian.alert.sweep;

import cn.dangjian.alert.handling.AlertRequests.SweepRequest;
import cn.dangjian.alert.sweep.SweepService.SweepReport;
import cn.dangjian.platform.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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

  private final SweepService sweeps;

  SweepController(SweepService sweeps) {
    this.sweeps = sweeps;
  }

  @PostMapping
  @Operation(summary = "按指定日期扫描 (run a sweep as of a date)")
  public SweepReport run(@Valid @RequestBody SweepRequest body) {
    return sweeps
        .run(body.asOf())
        .orElseThrow(() -> ProblemException.conflict("alert.sweep-running"));
  }

  @GetMapping
  @Operation(operationId = "listRecentSweeps", summary = "最近的扫描记录 (recent sweeps)")
  public List<SweepReport> recent() {
    return sweeps.recent();
  }
}
