package cn.dangjian.assessment.responsibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily check for overdue tasks (the endpoint runs the same check as of any day). */
@Component
class OverdueSchedule {

  private static final Logger log = LoggerFactory.getLogger(OverdueSchedule.class);

  private final ResponsibilityService service;

  OverdueSchedule(ResponsibilityService service) {
    this.service = service;
  }

  @Scheduled(
      cron = "${dangjian.assessment.overdue-check-cron:0 30 0 * * *}",
      zone = "${dangjian.assessment.zone:Asia/Shanghai}")
  void daily() {
    int found = service.overdueCheck(service.today());
    if (found > 0) {
      log.info("{} overdue tasks announced", found);
    }
  }
}
