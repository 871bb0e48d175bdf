package cn.dangjian.dues.export;

import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.config.DuesProperties;
import cn.dangjian.platform.problem.ProblemException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Direct exports are capped ({@code dangjian.dues.exports.max-rows}; larger ones run as jobs) and
 * every one is audited: who, the scope (org path), the filter and the row count; a refused one too.
 */
@Component
public class ExportAudit {

  private final ExportAuditStore store;
  private final Clock clock;
  private final int maxRows;

  ExportAudit(ExportAuditStore store, Clock clock, DuesProperties properties) {
    this.store = store;
    this.clock = clock;
    this.maxRows = properties.exports().maxRows();
  }

  public int maxRows() {
    return maxRows;
  }

  /**
   * Audits the export; above the cap it is refused (422) and the caller narrows the filter. No
   * transaction here: the audit row of a refused export must stay (the refusal is thrown after it).
   */
  public void admit(String export, Access caller, String orgPath, String filter, long rows) {
    boolean refused = rows > maxRows;
    insert(export, caller, orgPath, filter, rows, refused);
    if (refused) {
      throw ProblemException.businessRule(
          "export-too-large", "export.too-many-rows", rows, maxRows);
    }
  }

  /** Audits an export run as a job: files of any size, so nothing is refused. */
  public void record(String export, Access caller, String orgPath, String filter, long rows) {
    insert(export, caller, orgPath, filter, rows, false);
  }

  private void insert(
      String export, Access caller, String orgPath, String filter, long rows, boolean refused) {
    store.insert(
        export,
        caller.caller().username(),
        caller.caller().subject(),
        orgPath,
        filter.length() <= 500 ? filter : filter.substring(0, 500),
        rows,
        refused,
        clock.instant());
  }
}
