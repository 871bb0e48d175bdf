package cn.dangjian.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which consumer failures wait for the infrastructure instead of parking the record. */
class InfrastructureAwayTest {

  @Test
  void databaseUnreachableBehindTheListenerWrapperWaits() {
    Exception failure =
        new ListenerExecutionFailedException(
            "listener failed",
            new CannotCreateTransactionException(
                "no connection", new SQLTransientConnectionException("pool timed out")));
    assertThat(InfrastructureAway.causedThe(failure)).isTrue();
  }

  @Test
  void lockWaitTimeoutWaits() {
    assertThat(InfrastructureAway.causedThe(new CannotAcquireLockException("lock wait timeout")))
        .isTrue();
  }

  @Test
  void aRecordThatBreaksAConstraintIsTheRecordsFault() {
    assertThat(InfrastructureAway.causedThe(new DataIntegrityViolationException("duplicate")))
        .isFalse();
    assertThat(InfrastructureAway.causedThe(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void aPoisonRecordIsTheRecordsFaultEvenOverAClosedConnection() {
    Exception failure =
        new ListenerExecutionFailedException(
            "listener failed",
            new PoisonEventException(
                "payload unreadable", new SQLTransientConnectionException("pool timed out")));
    assertThat(InfrastructureAway.causedThe(failure)).isFalse();
  }
}
