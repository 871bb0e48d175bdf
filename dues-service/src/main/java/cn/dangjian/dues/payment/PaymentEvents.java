package cn.dangjian.dues.payment;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.dues.DuesPaid;
import cn.dangjian.events.dues.PaymentReversed;
import cn.dangjian.platform.events.DomainEventPublisher;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The payment events other services read, sent through the outbox in the caller's transaction. */
@Component
class PaymentEvents {

  private final DomainEventPublisher events;

  PaymentEvents(DomainEventPublisher events) {
    this.events = events;
  }

  /** {@code dues.paid}: offline at once, online when the callback is verified. */
  void paid(Payment payment) {
    events.publish(
        EventTypes.DUES_PAID,
        payment.getMemberId().toString(),
        payment.getOrgPath(),
        new DuesPaid(
            payment.getId(),
            payment.getMemberId(),
            payment.getOrgId(),
            payment.getChannel().name(),
            payment.monthList(),
            payment.getBillsFen(),
            payment.getExtraFen(),
            payment.getTotalFen(),
            payment.isRemitToCentre(),
            payment.getPaidAt()));
  }

  /** {@code dues.payment-reversed}. */
  void reversed(Payment payment, Instant at) {
    events.publish(
        EventTypes.DUES_PAYMENT_REVERSED,
        payment.getMemberId().toString(),
        payment.getOrgPath(),
        new PaymentReversed(
            payment.getId(),
            payment.getMemberId(),
            payment.getOrgId(),
            payment.monthList(),
            payment.getTotalFen(),
            at));
  }
}
