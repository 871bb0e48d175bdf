package cn.dangjian.dues.bill;

import cn.dangjian.dues.profile.AssessmentChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Unpaid bills follow a changed assessment (補核: from its month on); paid ones stay. */
@Component
class BillRepricing {

  private final BillStore bills;
  private final ArrearsRecount arrears;

  BillRepricing(BillStore bills, ArrearsRecount arrears) {
    this.bills = bills;
    this.arrears = arrears;
  }

  /** Runs in the transaction that changed the assessment (a synchronous listener). */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void assessmentChanged(AssessmentChanged changed) {
    if (bills.repriceUnpaid(changed.memberId(), changed.from()) > 0) {
      arrears.member(changed.memberId());
    }
  }
}
