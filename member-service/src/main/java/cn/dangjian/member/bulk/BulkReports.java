package cn.dangjian.member.bulk;

import cn.dangjian.member.bulk.BulkViews.ImportReport;
import cn.dangjian.member.bulk.BulkViews.RowError;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Puts rows' issues into the caller's language and builds reports and problems from them. */
@Component
class BulkReports {

  private final MessageSource messages;

  BulkReports(MessageSource messages) {
    this.messages = messages;
  }

  <T> ImportReport report(
      ImportMode mode, boolean dryRun, List<RowState<T>> rows, ResolvedHeader<?> header) {
    List<RowError> errors = new ArrayList<>();
    int failed = 0;
    int created = 0;
    for (RowState<T> row : rows) {
      if (!row.issues().isEmpty()) {
        failed++;
      } else if (row.createdId() != null) {
        created++;
      }
      List<Issue> issues = new ArrayList<>(row.issues());
      issues.sort(Comparator.comparingInt(BulkReports::columnOrder));
      for (Issue issue : issues) {
        errors.add(
            new RowError(
                row.number(),
                header.display(issue.column()),
                ReportValues.shown(issue.column(), row.cell(issue.column())),
                issue.rule(),
                text(issue)));
      }
    }
    errors.sort(Comparator.comparingInt(RowError::row));
    boolean rejected = mode == ImportMode.ALL_OR_NOTHING && failed > 0;
    return new ImportReport(
        mode, dryRun, rows.size(), rejected ? 0 : created, failed, List.copyOf(errors));
  }

  /** 400: the header row has unknown, missing or repeated columns; nothing was read further. */
  ProblemException headerProblem(ResolvedHeader<?> header) {
    List<RowError> errors = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (HeaderIssue issue : header.issues()) {
      String text = message(issue.messageKey(), issue.args());
      texts.add(text);
      errors.add(new RowError(header.row(), issue.column(), null, issue.rule(), text));
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("rule", "invalid-header");
    properties.put("errors", errors);
    return new ProblemException(
        ProblemType.BAD_REQUEST,
        "bulk.header.invalid",
        new Object[] {String.join("；", texts)},
        properties);
  }

  /** 422: all-or-nothing and some rows failed, so nothing was written; the report is the body. */
  ProblemException rejected(ImportReport report) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("rule", "import-rejected");
    properties.put("mode", report.mode());
    properties.put("dryRun", report.dryRun());
    properties.put("totalRows", report.totalRows());
    properties.put("imported", report.imported());
    properties.put("failed", report.failed());
    properties.put("errors", report.errors());
    return new ProblemException(
        ProblemType.BUSINESS_RULE,
        report.dryRun() ? "bulk.import.rejected-dry-run" : "bulk.import.rejected",
        new Object[] {report.failed(), report.totalRows()},
        properties);
  }

  /** Errors of one row in the file's column order; whole-row errors last. */
  private static int columnOrder(Issue issue) {
    return issue.column() instanceof Enum<?> column ? column.ordinal() : Integer.MAX_VALUE;
  }

  private String text(Issue issue) {
    return issue.message() != null ? issue.message() : message(issue.messageKey(), issue.args());
  }

  private String message(String key, Object[] args) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, args, key, locale);
  }
}
