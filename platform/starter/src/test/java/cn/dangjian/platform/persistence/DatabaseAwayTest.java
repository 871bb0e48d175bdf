package cn.dangjian.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

/** Which failures mean "the database is away, try again", whatever wraps them. */
class DatabaseAwayTest {

  @Test
  void aRollbackFailedOnAClosedConnectionIsTheDatabaseAway() {
    // what Spring throws when the connection was lost mid-transaction (seen in ProblemDetailsIT)
    Exception failure =
        new JpaSystemException(
            new TransactionException(
                "Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));
    assertThat(DatabaseAway.causedThe(failure)).isTrue();
  }

  @Test
  void aConnectionExceptionSqlStateIsTheDatabaseAway() {
    assertThat(
            DatabaseAway.causedThe(
                new JpaSystemException(
                    new RuntimeException(
                        new SQLException("Communications link failure", "08S01")))))
        .isTrue();
  }

  @Test
  void aDriverConnectionFailureIsTheDatabaseAway() {
    assertThat(
            DatabaseAway.causedThe(
                new IllegalStateException(
                    new SQLNonTransientConnectionException("Socket fail to connect"))))
        .isTrue();
  }

  @Test
  void aBrokenConstraintOrAnSqlErrorIsNot() {
    assertThat(DatabaseAway.causedThe(new DataIntegrityViolationException("duplicate"))).isFalse();
    assertThat(
            DatabaseAway.causedThe(
                new JpaSystemException(
                    new RuntimeException(new SQLException("Unknown column", "42S22")))))
        .isFalse();
    assertThat(DatabaseAway.causedThe(new SQLException("no state"))).isFalse();
    // a transaction misused by the code, not failed by the database
    assertThat(DatabaseAway.causedThe(new TransactionException("Transaction already active")))
        .isFalse();
  }
}
