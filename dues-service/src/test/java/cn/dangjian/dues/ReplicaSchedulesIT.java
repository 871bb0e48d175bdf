package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.Replicas;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The prod overlay runs several replicas: the month-end arrears sweep, the expiry of unpaid orders
 * and the nonce purge are cluster-wide work, so each round runs on one replica only.
 */
class ReplicaSchedulesIT extends DuesServiceIntegrationTest {

  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("arrearsSweepTask")
  RecurringTask<?> arrearsSweep;

  @Autowired
  @Qualifier("pendingOrderSweepTask")
  RecurringTask<?> pendingOrderSweep;

  @Autowired
  @Qualifier("callbackNoncePurgeTask")
  RecurringTask<?> callbackNoncePurge;

  @Test
  void arrearsSweepRunsOncePerScheduleAcrossReplicas() {
    assertThat(Replicas.runsOfOneRound(dataSource, arrearsSweep)).isEqualTo(1);
  }

  @Test
  void paymentChoresRunOncePerRoundAcrossReplicas() {
    assertThat(Replicas.runsOfOneRound(dataSource, pendingOrderSweep)).isEqualTo(1);
    assertThat(Replicas.runsOfOneRound(dataSource, callbackNoncePurge)).isEqualTo(1);
  }
}
