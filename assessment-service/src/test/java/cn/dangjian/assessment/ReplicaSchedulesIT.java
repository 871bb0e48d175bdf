package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.Replicas;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The daily overdue check announces overdue tasks once a day, however many replicas run. */
class ReplicaSchedulesIT extends AssessmentIntegrationTest {

  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("overdueCheck")
  RecurringTask<?> overdueCheck;

  @Test
  void overdueCheckRunsOncePerScheduleAcrossReplicas() {
    assertThat(Replicas.runsOfOneRound(dataSource, overdueCheck)).isEqualTo(1);
  }
}
