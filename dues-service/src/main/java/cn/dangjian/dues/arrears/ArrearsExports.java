package cn.dangjian.dues.arrears;

import cn.dangjian.dues.access.DuesAccess.Listing;
import cn.dangjian.dues.arrears.ArrearsViews.ArrearsRow;
import cn.dangjian.dues.support.Money;
import cn.dangjian.platform.export.ExportFormat;
import cn.dangjian.platform.export.TableDownload;
import cn.dangjian.platform.export.TableWriter;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.jobs.JobType;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The arrears list as a table: up to the synchronous limit answered at once, any size as a job
 * ({@code arrears-export}) that writes its file page by page — memory stays at one page.
 */
@Configuration
class ArrearsExports {

  static final String KIND = "arrears-export";
  private static final int PAGE = 2_000;
  private static final List<String> HEADER =
      List.of("党员ID", "所在组织", "连续未缴月数", "起始月份", "欠缴金额（元）", "党籍状态");

  /** What an export job runs: the caller's listing and filters, fixed when it was started. */
  record Payload(Listing listing, int minMonths, ExportFormat format) {}

  /** The export job's result besides its file. */
  record Result(long rows) {}

  private final ArrearsQueries queries;

  ArrearsExports(ArrearsQueries queries) {
    this.queries = queries;
  }

  static TableDownload file(ExportFormat format) {
    return new TableDownload("arrears", format);
  }

  /** Resumable (the file is written again) and cancellable between pages. */
  @Bean
  JobType<Payload> arrearsExportJobType() {
    return new JobType<>(
        KIND,
        Payload.class,
        true,
        true,
        (payload, context) -> {
          long total = count(payload.listing(), payload.minMonths());
          TableDownload file = file(payload.format());
          return new Result(
              context.writeFile(
                  file.fileName(),
                  file.format().contentType(),
                  out ->
                      file.write(
                          out,
                          writer ->
                              writeRows(
                                  writer,
                                  payload.listing(),
                                  payload.minMonths(),
                                  total,
                                  context))));
        });
  }

  long count(Listing listing, int minMonths) {
    return listing.none() ? 0 : queries.count(listing.pathPrefix(), listing.memberId(), minMonths);
  }

  /** The header and the rows, page by page up to the counted total. */
  void writeRows(
      TableWriter writer, Listing listing, int minMonths, long total, @Nullable JobContext job)
      throws IOException {
    writer.header(HEADER);
    long written = 0;
    for (long offset = 0; offset < total; offset += PAGE) {
      if (job != null) {
        job.checkCancelled();
      }
      List<ArrearsRow> page =
          queries.page(listing.pathPrefix(), listing.memberId(), minMonths, PAGE, offset);
      for (ArrearsRow row : page) {
        writer.row(
            List.of(
                row.memberId().toString(),
                nullToEmpty(row.orgName()),
                row.consecutiveMonths(),
                nullToEmpty(row.sinceMonth()),
                Money.yuan(row.outstandingFen()),
                row.memberStatus()));
      }
      written += page.size();
      if (job != null) {
        job.progress(written, total, "members");
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private static String nullToEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
