package cn.dangjian.platform.events;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a consumer failed because the infrastructure is away (database unreachable or restarting,
 * a lock or deadlock that a retry resolves), not because of the record. Such a record is retried
 * until it succeeds: parked on the DLT after a few retries, every good record consumed during a
 * database restart would be missing from the projections.
 */
public final class InfrastructureAway {

  private InfrastructureAway() {}

  /** True if the failure or any of its causes says so. */
  public static boolean causedThe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PoisonEventException) {
        return false;
      }
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }
}
