package cn.dangjian.alert.sweep;

import cn.dangjian.alert.rules.Calendar;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily sweep (default 01:30 Asia/Shanghai, as of that day); "-" in the cron turns it off. */
@Component
class SweepScheduler {

  private final SweepService sweeps;
  private final Clock clock;

  SweepScheduler(SweepService sweeps, Clock clock) {
    this.sweeps = sweeps;
    this.clock = clock;
  }

  @Scheduled(cron = "${dangjian.alerts.sweep-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
  void daily() {
    sweeps.run(Calendar.today(clock));
  }
}
