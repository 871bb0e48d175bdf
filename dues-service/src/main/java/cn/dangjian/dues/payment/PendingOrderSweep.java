package cn.dangjian.dues.payment;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Frees the bills of online orders nobody paid in time ({@link PaymentSchedules} runs it). */
@Component
class PendingOrderSweep {

  private static final Logger log = LoggerFactory.getLogger(PendingOrderSweep.class);

  private final PaymentService payments;

  PendingOrderSweep(PaymentService payments) {
    this.payments = payments;
  }

  void expire() {
    int expired = 0;
    for (UUID id : payments.expiredPending()) {
      if (payments.expire(id)) {
        expired++;
      }
    }
    if (expired > 0) {
      log.info("{} unpaid online orders expired, their bills freed", expired);
    }
  }
}
