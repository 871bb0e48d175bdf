package cn.dangjian.dues.arrears;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When a month ends, every bill of it still unpaid becomes a month of arrears without any request:
 * recompute everyone shortly after midnight on the 1st (China Standard Time).
 */
@Component
@ConditionalOnProperty(
    prefix = "dangjian.dues.arrears",
    name = "monthly-sweep",
    havingValue = "true",
    matchIfMissing = true)
class ArrearsSweep {

  private static final Logger log = LoggerFactory.getLogger(ArrearsSweep.class);

  private final ArrearsService arrears;

  ArrearsSweep(ArrearsService arrears) {
    this.arrears = arrears;
  }

  @Scheduled(cron = "0 5 0 1 * *", zone = "Asia/Shanghai")
  void monthEnded() {
    int changed = arrears.refreshSubtree(null);
    log.info("arrears sweep after month end: {} members changed", changed);
  }
}
