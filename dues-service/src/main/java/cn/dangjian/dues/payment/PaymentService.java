package cn.dangjian.dues.payment;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.arrears.ArrearsRules;
import cn.dangjian.dues.arrears.ArrearsService;
import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.bill.Bill;
import cn.dangjian.dues.bill.BillStatus;
import cn.dangjian.dues.bill.BillStore;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.config.DuesProperties;
import cn.dangjian.dues.payment.PaymentRequests.CreatePayment;
import cn.dangjian.dues.provider.PaymentProvider;
import cn.dangjian.dues.provider.PaymentProvider.ProviderOrder;
import cn.dangjian.dues.support.Months;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.dues.DuesPaid;
import cn.dangjian.events.dues.PaymentReversed;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments: offline (recorded by a party worker with a receipt number, paid at once) and online (an
 * order at the provider; bills reserved until the verified callback). A bill is taken by a
 * conditional UPDATE, so it can never be paid twice, even by concurrent requests.
 */
@Service
public class PaymentService {

  private final PaymentRepository payments;
  private final PaymentRules rules;
  private final BillStore bills;
  private final DuesAccess access;
  private final ArrearsService arrears;
  private final DomainEventPublisher events;
  private final AuditStore audit;
  private final List<PaymentProvider> providers;
  private final DuesProperties properties;
  private final PaymentItemStore paymentItems;
  private final Clock clock;

  public PaymentService(
      PaymentRepository payments,
      PaymentRules rules,
      BillStore bills,
      DuesAccess access,
      ArrearsService arrears,
      DomainEventPublisher events,
      AuditStore audit,
      List<PaymentProvider> providers,
      DuesProperties properties,
      PaymentItemStore paymentItems,
      Clock clock) {
    this.payments = payments;
    this.rules = rules;
    this.bills = bills;
    this.access = access;
    this.arrears = arrears;
    this.events = events;
    this.audit = audit;
    this.providers = providers;
    this.properties = properties;
    this.paymentItems = paymentItems;
    this.clock = clock;
  }

  @Transactional
  public Payment create(CreatePayment request, Access caller) {
    ProjectedMember member = access.member(caller, request.memberId());
    if (request.channel() == Channel.OFFLINE) {
      if (!caller.staff()) {
        throw ProblemException.forbidden("payment.offline-by-staff");
      }
      if (request.receiptNo() == null || request.receiptNo().isBlank()) {
        throw ProblemException.businessRule(
            "offline-payment-needs-receipt", "payment.rule.receipt-required");
      }
    } else if (!(caller.scope().kind() == DataScope.Kind.SELF
        && member.memberId().equals(caller.scope().selfMemberId()))) {
      throw ProblemException.forbidden("payment.online-by-member");
    } else if (providers.isEmpty()) {
      // no provider configured here (the sandbox is off unless explicitly enabled)
      throw ProblemException.businessRule(
          "online-payment-unavailable", "payment.rule.online-unavailable");
    }
    if (!member.admitted()) {
      throw ProblemException.businessRule(
          "only-admitted-members-pay-dues", "dues.rule.only-admitted");
    }
    YearMonth current = DuesConfiguration.currentMonth(clock);
    List<YearMonth> months = request.months().stream().map(Months::parse).toList();
    Map<YearMonth, Bill> byMonth = new TreeMap<>();
    Map<YearMonth, BillStatus> statuses = new TreeMap<>();
    for (Bill bill : bills.ofMember(member.memberId())) {
      byMonth.put(bill.month(), bill);
      statuses.put(bill.month(), bill.status());
    }
    long extra = request.extraFen() == null ? 0 : request.extraFen();
    PaymentRules.Plan plan = rules.plan(current, months, statuses, extra);
    String receipt = request.receiptNo() == null ? null : request.receiptNo().strip();
    Instant now = clock.instant();
    boolean offline = request.channel() == Channel.OFFLINE;
    BillStatus taken = offline ? BillStatus.PAID : BillStatus.PENDING;
    Instant paidAt = offline ? now : null;

    List<Item> items = new ArrayList<>();
    for (YearMonth month : plan.existing()) {
      Bill bill = byMonth.get(month);
      items.add(new Item(bill.id(), month, bill.amountFen(), false));
    }
    List<BillStore.Price> prepaidPrices = new ArrayList<>();
    for (YearMonth month : plan.prepaid()) {
      BillStore.Price price =
          bills
              .price(member.memberId(), month)
              .orElseThrow(
                  () ->
                      ProblemException.businessRule(
                          "prepayment-needs-assessment",
                          "payment.rule.prepayment-needs-assessment",
                          month.toString()));
      prepaidPrices.add(price);
    }
    long billsFen =
        items.stream().mapToLong(Item::amountFen).sum()
            + prepaidPrices.stream().mapToLong(BillStore.Price::amountFen).sum();
    List<YearMonth> covered = new ArrayList<>(plan.existing());
    covered.addAll(plan.prepaid());
    covered.sort(null);
    Payment payment =
        Payment.start(
            member.memberId(),
            member.orgId(),
            member.orgPath(),
            request.channel(),
            covered,
            billsFen,
            extra,
            plan.remitToCentre(),
            receipt,
            caller.username(),
            now);
    if (payment.getTotalFen() <= 0) {
      throw ProblemException.businessRule("payment-covers-something", "payment.rule.empty");
    }
    if (offline) {
      payment.paid(now);
    }
    try {
      payments.saveAndFlush(payment);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      // uk_payment_receipt: the receipt number was recorded before in this branch
      throw ProblemException.conflict("payment.receipt-used", receipt);
    }

    for (Item item : items) {
      if (!bills.take(item.billId(), payment.getId(), taken, paidAt)) {
        throw ProblemException.conflict("payment.bill-not-payable", item.month().toString());
      }
    }
    for (int i = 0; i < plan.prepaid().size(); i++) {
      YearMonth month = plan.prepaid().get(i);
      if (!bills.insertPrepaid(
          member.memberId(),
          month,
          member.orgId(),
          prepaidPrices.get(i),
          payment.getId(),
          taken,
          now,
          paidAt)) {
        throw ProblemException.conflict("payment.bill-not-payable", month.toString());
      }
    }
    for (Item item : items) {
      paymentItems.insert(payment.getId(), item.billId(), item.month(), item.amountFen(), false);
    }
    for (int i = 0; i < plan.prepaid().size(); i++) {
      Bill prepaid =
          bills
              .ofMemberMonth(member.memberId(), plan.prepaid().get(i))
              .orElseThrow(() -> new IllegalStateException("prepaid bill vanished"));
      paymentItems.insert(
          payment.getId(), prepaid.id(), prepaid.month(), prepaid.amountFen(), true);
    }
    if (offline) {
      Map<YearMonth, ArrearsRules.BillState> after = new TreeMap<>();
      byMonth.forEach(
          (m, b) -> after.put(m, new ArrearsRules.BillState(b.status(), b.amountFen())));
      for (YearMonth month : covered) {
        after.put(month, new ArrearsRules.BillState(BillStatus.PAID, 0));
      }
      publishPaid(payment);
      arrears.refresh(member, after);
    } else {
      Instant expires = now.plus(properties.getPayments().getOrderTtl());
      PaymentProvider provider = providers.get(0);
      ProviderOrder order =
          provider.createOrder(
              payment.getId(),
              payment.getTotalFen(),
              "党费 " + payment.getMonths(),
              expires,
              new PaymentProvider.Payer(member.memberId(), caller.caller().subject()));
      payment.awaitProvider(provider.name(), order.orderId(), order.payUrl(), expires);
      payments.saveAndFlush(payment);
    }
    return payment;
  }

  private record Item(UUID billId, YearMonth month, long amountFen, boolean prepaid) {}

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
    publishPaid(payment);
    arrears.refresh(payment.getMemberId());
  }

  private void publishPaid(Payment payment) {
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
            now));
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
    if (caller.scope().kind() == DataScope.Kind.NOTHING) {
      return Page.empty(pageable);
    }
    if (caller.scope().kind() == DataScope.Kind.SELF) {
      if (memberId != null && !memberId.equals(caller.scope().selfMemberId())) {
        return Page.empty(pageable);
      }
      return payments.findByMemberId(caller.scope().selfMemberId(), pageable);
    }
    if (memberId != null) {
      return payments.findByMemberId(access.member(caller, memberId).memberId(), pageable);
    }
    String path = access.subtreePath(caller, orgId);
    return payments.findUnder(MemberProjection.prefixPattern(path == null ? "/" : path), pageable);
  }

  private Payment visible(UUID id, Access caller) {
    return payments
        .findById(id)
        .filter(
            p ->
                caller.seesPath(p.getOrgPath(), p.getMemberId())
                    || access.projection().member(p.getMemberId()).filter(caller::sees).isPresent())
        .orElseThrow(() -> ProblemException.notFound("payment.not-found", id));
  }
}
