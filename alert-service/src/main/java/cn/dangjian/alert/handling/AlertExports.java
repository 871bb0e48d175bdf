package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.handling.AlertViews.AlertResponse;
import cn.dangjian.alert.rules.Calendar;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.export.TableDownload;
import cn.dangjian.platform.export.TableWriter;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.jobs.JobType;
import cn.dangjian.platform.scope.DataScope;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Alerts as a CSV table: up to {@link #SYNCHRONOUS_LIMIT} rows answered at once, any number as a
 * job ({@code alert-export}) writing the file page by page — never the whole result in memory.
 */
@Configuration
class AlertExports {

  static final String KIND = "alert-export";

  /** Above this many rows the synchronous export refuses and names the job. */
  static final int SYNCHRONOUS_LIMIT = 10_000;

  private static final int PAGE = 1_000;
  private static final List<String> HEADER =
      List.of("预警编号", "规则", "级别", "状态", "标题", "预警对象", "所属组织", "提出日期", "整改期限", "是否逾期", "解除说明");

  /** What an export job runs: the caller's scope and filters, fixed when it was started. */
  record Payload(DataScope scope, AlertService.Filter filter) {}

  /** The export job's result besides its file. */
  record Result(long rows) {}

  private final AlertService service;
  private final AlertMapper mapper;
  private final RuleCatalogue catalogue;
  private final Clock clock;

  AlertExports(AlertService service, AlertMapper mapper, RuleCatalogue catalogue, Clock clock) {
    this.service = service;
    this.mapper = mapper;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  static TableDownload file() {
    return new TableDownload("alerts", ExportFormat.csv);
  }

  /**
   * Resumable (it writes its file again from the start) and cancellable between pages (the file is
   * then dropped).
   */
  @Bean
  JobType<Payload> alertExportJobType() {
    return new JobType<>(
        KIND,
        Payload.class,
        true,
        true,
        (payload, context) -> {
          TableDownload file = file();
          return new Result(
              context.writeFile(
                  file.fileName(),
                  file.format().contentType(),
                  out ->
                      file.write(
                          out,
                          writer ->
                              writeRows(writer, payload.scope(), payload.filter(), context))));
        });
  }

  long count(DataScope scope, AlertService.Filter filter) {
    return service.search(scope, filter, PageRequest.of(0, 1)).getTotalElements();
  }

  /** The header and every matching alert, a page at a time in the order they were raised. */
  void writeRows(
      TableWriter writer, DataScope scope, AlertService.Filter filter, @Nullable JobContext job)
      throws IOException {
    writer.header(HEADER);
    LocalDate today = Calendar.today(clock);
    long written = 0;
    for (int page = 0; ; page++) {
      if (job != null) {
        job.checkCancelled();
      }
      Page<Alert> chunk =
          service.search(scope, filter, PageRequest.of(page, PAGE, Sort.by("raisedAt", "id")));
      for (Alert alert : chunk) {
        AlertResponse r = mapper.toResponse(alert, catalogue, today);
        writer.row(
            Arrays.asList(
                r.id().toString(),
                r.ruleName(),
                r.severityLabel(),
                r.statusLabel(),
                r.title(),
                r.subjectId().toString(),
                r.orgId().toString(),
                r.raisedOn().toString(),
                r.deadline().toString(),
                r.overdue() ? "是" : "否",
                r.resolution()));
      }
      written += chunk.getNumberOfElements();
      if (job != null) {
        job.progress(written, chunk.getTotalElements(), "alerts");
      }
      if (!chunk.hasNext()) {
        return;
      }
    }
  }
}
