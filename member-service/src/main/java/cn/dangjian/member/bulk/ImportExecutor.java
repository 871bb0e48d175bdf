package cn.dangjian.member.bulk;

import cn.dangjian.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the valid rows of a file through a {@link RowWriter} with the transaction shape the mode
 * asks for.
 *
 * <ul>
 *   <li>All-or-nothing, and every dry run: one transaction for the whole file. Every row is still
 *       tried, so the report lists every error, and the transaction is rolled back when any row
 *       failed (or always, for a dry run). Later rows see earlier ones (a child finds the parent
 *       created three rows above). Rolled back rows leave no outbox entry, so no event.
 *   <li>Per row: each row commits on its own through the service's transaction; a refused row
 *       changes nothing and the others stay.
 * </ul>
 */
@Component
class ImportExecutor {

  private final TransactionTemplate transactions;
  private final EntityManager entityManager;
  private final BulkProperties properties;

  ImportExecutor(
      PlatformTransactionManager transactionManager,
      EntityManager entityManager,
      BulkProperties properties) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.entityManager = entityManager;
    this.properties = properties;
  }

  <T> void run(List<RowState<T>> rows, ImportMode mode, boolean dryRun, RowWriter<T> writer) {
    if (dryRun || mode == ImportMode.ALL_OR_NOTHING) {
      transactions.executeWithoutResult(
          status -> {
            int attempted = 0;
            for (RowState<T> row : rows) {
              if (!row.valid()) {
                continue;
              }
              attempt(row, writer);
              if (++attempted % Math.max(1, properties.flushEvery()) == 0) {
                // keep the persistence context small: dirty checking and memory stay flat
                entityManager.flush();
                entityManager.clear();
              }
            }
            boolean anyFailed = rows.stream().anyMatch(row -> !row.issues().isEmpty());
            if (dryRun || anyFailed) {
              status.setRollbackOnly();
            }
          });
      return;
    }
    for (RowState<T> row : rows) {
      if (!row.valid()) {
        continue;
      }
      try {
        attempt(row, writer);
      } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
        // e.g. the same person registered by someone else a moment ago: only this row is lost
        row.created(null);
        row.fail(Issue.of(null, "conflict", "bulk.row.conflict"));
      }
    }
  }

  private static <T> void attempt(RowState<T> row, RowWriter<T> writer) {
    try {
      writer.write(row);
    } catch (ProblemException problem) {
      String rule = RuleColumns.ruleOf(problem);
      row.created(null);
      row.fail(
          new Issue(writer.columnFor(rule, row), rule, problem.detailKey(), problem.args(), null));
    }
  }
}
