package cn.dangjian.platform.jobs;

import cn.dangjian.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of job this service runs, by name. */
class JobTypes {

  private final Map<String, JobType<?>> byKind;

  JobTypes(List<JobType<?>> types) {
    this.byKind = types.stream().collect(Collectors.toMap(JobType::kind, Function.identity()));
  }

  Optional<JobType<?>> find(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  JobType<?> require(String kind) {
    return find(kind).orElseThrow(() -> ProblemException.notFound("job.unknown-kind", kind));
  }
}
