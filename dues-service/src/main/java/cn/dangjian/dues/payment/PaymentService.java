package cn.dangjian.dues.payment;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.access.DuesAccess.Listing;
import cn.dangjian.dues.arrears.ArrearsService;
import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.bill.BillStore;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments after they were made ({@link PaymentCreation}): confirming an online one, reversal (冲正),
 * expiry of unpaid orders, and reads within the caller's scope.
 */
@Service
public class PaymentService {

  private final PaymentRepository payments;
  private final PaymentEvents events;
  private final BillStore bills;
  private final DuesAccess access;
  private final ArrearsService arrears;
  private final AuditStore audit;
  private final Clock clock;

  PaymentService(
      PaymentRepository payments,
      PaymentEvents events,
      BillStore bills,
      DuesAccess access,
      ArrearsService arrears,
      AuditStore audit,
      Clock clock) {
    this.payments = payments;
    this.events = events;
    this.bills = bills;
    this.access = access;
    this.arrears = arrears;
    this.audit = audit;
    this.clock = clock;
  }

  /** An online payment's callback was verified: bills become PAID, the payment PAID. */
  @Transactional
  public Payment confirm(Payment payment, Instant paidAt) {
    bills.confirm(payment.getId(), paidAt);
    payment.paid(paidAt);
    payments.saveAndFlush(payment);
    paid(payment);
    return payment;
  }

  private void paid(Payment payment) {
    events.paid(payment);
    arrears.refresh(payment.getMemberId());
  }

  /** 冲正: a confirmed payment is undone with a reason; its months are unpaid again. Audited. */
  @Transactional
  public Payment reverse(UUID id, String reason, Access caller) {
    Payment payment = visible(id, caller);
    if (!caller.staff() || !caller.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("payment.reversal-by-secretary");
    }
    if (payment.getStatus() != PaymentStatus.PAID) {
      throw ProblemException.businessRule(
          "only-paid-payments-reversed",
          "payment.rule.only-paid-reversed",
          payment.getStatus().label());
    }
    Instant now = clock.instant();
    bills.release(payment.getId(), DuesConfiguration.currentMonth(clock));
    payment.reversed(caller.username(), reason, now);
    payments.saveAndFlush(payment);
    audit.record(
        "PAYMENT_REVERSED",
        payment.getId(),
        payment.getOrgPath(),
        caller.username(),
        reason,
        "months=" + payment.getMonths() + ", totalFen=" + payment.getTotalFen());
    events.reversed(payment, now);
    arrears.refresh(payment.getMemberId());
    return payment;
  }

  /** Online orders not paid in time free their bills (prepaid ones are removed). */
  @Transactional
  public boolean expire(UUID id) {
    Payment payment = payments.findById(id).orElse(null);
    if (payment == null
        || payment.getStatus() != PaymentStatus.PENDING
        || payment.getExpiresAt() == null
        || payment.getExpiresAt().isAfter(clock.instant())) {
      return false;
    }
    bills.release(payment.getId(), DuesConfiguration.currentMonth(clock));
    payment.expired();
    payments.saveAndFlush(payment);
    return true;
  }

  public List<UUID> expiredPending() {
    return payments.expiredPending(clock.instant());
  }

  @Transactional(readOnly = true)
  public Payment get(UUID id, Access caller) {
    return visible(id, caller);
  }

  @Transactional(readOnly = true)
  public Page<Payment> list(UUID memberId, UUID orgId, Access caller, Pageable pageable) {
    Listing listing = access.listing(caller, memberId, orgId);
    if (listing.none()) {
      return Page.empty(pageable);
    }
    if (listing.memberId() != null) {
      return payments.findByMemberId(listing.memberId(), pageable);
    }
    String path = listing.pathPrefix();
    return payments.findUnder(MemberProjection.prefixPattern(path == null ? "/" : path), pageable);
  }

  private Payment visible(UUID id, Access caller) {
    return payments
        .findById(id)
        .filter(p -> access.seesRow(caller, p.getOrgPath(), p.getMemberId()))
        .orElseThrow(() -> ProblemException.notFound("payment.not-found", id));
  }
}
