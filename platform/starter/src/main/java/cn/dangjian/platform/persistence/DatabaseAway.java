package cn.dangjian.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is away (unreachable, restarting, failing over, the pool
 * exhausted) or a lock that a retry resolves — not that the request or record is wrong. The whole
 * cause chain is read: a connection lost mid-transaction surfaces as a failed rollback ({@code
 * JpaSystemException} over a Hibernate {@code TransactionException} over Hikari's "Connection is
 * closed"), not as a data access resource failure: the statement's own failure made Hikari close
 * the connection, so the rollback fails on a closed connection and its exception replaces the
 * statement's.
 */
public final class DatabaseAway {

  /** SQL state class 08: connection exception (SQL standard, used by every JDBC driver). */
  private static final String CONNECTION_EXCEPTION = "08";

  private DatabaseAway() {}

  /** True if the failure or any of its causes says so. */
  public static boolean causedThe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof org.hibernate.TransactionException && t.getCause() instanceof SQLException
          || t instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
        return true;
      }
    }
    return false;
  }
}
