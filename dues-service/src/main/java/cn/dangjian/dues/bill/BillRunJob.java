package cn.dangjian.dues.bill;

import cn.dangjian.dues.bill.BillRunService.RunResult;
import cn.dangjian.dues.bill.BillRunStore.Root;
import cn.dangjian.dues.support.Months;
import cn.dangjian.platform.jobs.JobType;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.DigestUtils;

/**
 * A month's bill run as a job ({@code bill-run}): a province takes tens of seconds. Resumable (a
 * run is idempotent per member and month, so running it again after a restart completes it) and
 * cancellable between member chunks (each chunk is committed).
 */
@Configuration
class BillRunJob {

  static final String KIND = "bill-run";

  /** What the job runs: the month and the subtrees the caller was allowed to bill. */
  record Payload(String month, List<Root> roots, String actor) {}

  /** The job's result: one run per subtree, as the synchronous call answered before. */
  record Result(List<RunResult> runs) {}

  @Bean
  JobType<Payload> billRunJobType(BillRunService runs) {
    return new JobType<>(
        KIND,
        Payload.class,
        true,
        true,
        (payload, context) ->
            new Result(
                runs.run(
                    Months.parse(payload.month()), payload.roots(), payload.actor(), context)));
  }

  /** Queues the run, or returns the one already running for the same month and subtrees. */
  static JobView submit(Jobs jobs, String month, List<Root> roots, String actor) {
    String subtrees =
        roots.stream()
            .map(root -> root.orgId().toString())
            .sorted()
            .collect(Collectors.joining(","));
    String naturalKey = month + ":" + DigestUtils.md5DigestAsHex(subtrees.getBytes());
    String orgPath = roots.size() == 1 ? roots.get(0).path() : null;
    return jobs.submit(KIND, new Payload(month, roots, actor), naturalKey, orgPath, actor);
  }
}
