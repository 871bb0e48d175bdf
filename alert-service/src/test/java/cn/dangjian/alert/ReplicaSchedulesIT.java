package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.Replicas;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod overlay runs several replicas: the daily sweep and the stream log's purge run on one of
 * them per round. Before, every replica woke up for the sweep and all but one skipped on the lease.
 */
class ReplicaSchedulesIT extends AlertServiceIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("alertSweep")
  RecurringTask<?> alertSweep;

  @Autowired
  @Qualifier("alertStreamPurge")
  RecurringTask<?> alertStreamPurge;

  @Test
  void alertSweepRunsOncePerScheduleAcrossReplicas() {
    int sweepsBefore = sweeps();

    assertThat(Replicas.runsOfOneRound(dataSource, alertSweep)).isEqualTo(1);

    // the one run swept (nobody found the lease taken and skipped)
    assertThat(sweeps()).isEqualTo(sweepsBefore + 1);
  }

  @Test
  void streamPurgeRunsOncePerRoundAcrossReplicas() {
    assertThat(Replicas.runsOfOneRound(dataSource, alertStreamPurge)).isEqualTo(1);
  }

  private int sweeps() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sweep_run", Integer.class);
  }
}
