package cn.dangjian.platform.testapp;

import cn.dangjian.platform.jobs.JobType;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Jobs as services use them: a counting job (progress, cancel, failure) and a file job. */
@Configuration
class NoteJobs {

  record Count(@Min(1) @Max(100_000) int count, int sleepMs, int failAt, String key) {}

  record Counted(int counted) {}

  record Lines(@Min(1) @Max(2_000_000) int lines) {}

  @Bean
  JobType<Count> noteCount() {
    return new JobType<>(
        "note-count",
        Count.class,
        false,
        true,
        (count, context) -> {
          for (int i = 1; i <= count.count(); i++) {
            context.checkCancelled();
            if (i == count.failAt()) {
              throw ProblemException.businessRule("count-refused", "note.not-found", i);
            }
            if (count.sleepMs() > 0) {
              Thread.sleep(count.sleepMs());
            }
            context.progress(i, (long) count.count(), "notes");
          }
          return new Counted(count.count());
        });
  }

  @Bean
  JobType<Lines> noteLines() {
    return new JobType<>(
        "note-lines",
        Lines.class,
        true,
        false,
        (lines, context) -> {
          context.writeFile(
              "笔记-lines.csv",
              "text/csv",
              out -> {
                for (int i = 0; i < lines.lines(); i++) {
                  out.write(("第" + i + "行,note\n").getBytes(StandardCharsets.UTF_8));
                }
                return lines.lines();
              });
          return null;
        });
  }

  @RestController
  static class NoteJobController {

    private final Jobs jobs;
    private final CurrentCaller callers;

    NoteJobController(Jobs jobs, CurrentCaller callers) {
      this.jobs = jobs;
      this.callers = callers;
    }

    @PostMapping("/api/notes/counts")
    ResponseEntity<JobView> count(@Valid @RequestBody Count count) {
      return jobs.accepted(
          jobs.submit("note-count", count, count.key(), null, callers.get().username()));
    }

    @PostMapping("/api/notes/lines")
    ResponseEntity<JobView> lines(@Valid @RequestBody Lines lines) {
      return jobs.accepted(
          jobs.submit("note-lines", lines, null, "/root/", callers.get().username()));
    }
  }
}
