package cn.dangjian.dues.payment;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.arrears.ArrearsRules;
import cn.dangjian.dues.arrears.ArrearsService;
import cn.dangjian.dues.bill.Bill;
import cn.dangjian.dues.bill.BillStatus;
import cn.dangjian.dues.bill.BillStore;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.config.DuesProperties;
import cn.dangjian.dues.payment.PaymentRequests.CreatePayment;
import cn.dangjian.dues.provider.PaymentProvider;
import cn.dangjian.dues.provider.PaymentProvider.ProviderOrder;
import cn.dangjian.dues.support.Months;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedMember;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New payments: offline (recorded by a party worker with a receipt number, paid at once) and online
 * (an order at the provider; bills reserved until the verified callback). A bill is taken by a
 * conditional UPDATE, so it can never be paid twice, even by concurrent requests.
 */
@Service
class PaymentCreation {

  private final PaymentRepository payments;
  private final PaymentItemStore paymentItems;
  private final PaymentRules rules;
  private final PaymentEvents events;
  private final BillStore bills;
  private final DuesAccess access;
  private final ArrearsService arrears;
  private final List<PaymentProvider> providers;
  private final DuesProperties properties;
  private final Clock clock;

  PaymentCreation(
      PaymentRepository payments,
      PaymentItemStore paymentItems,
      PaymentRules rules,
      PaymentEvents events,
      BillStore bills,
      DuesAccess access,
      ArrearsService arrears,
      List<PaymentProvider> providers,
      DuesProperties properties,
      Clock clock) {
    this.payments = payments;
    this.paymentItems = paymentItems;
    this.rules = rules;
    this.events = events;
    this.bills = bills;
    this.access = access;
    this.arrears = arrears;
    this.providers = providers;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Records an offline payment (paid at once) or starts an online one (an order at the provider),
   * in the steps below: who may pay how, what the payment covers, the payment row, the bills it
   * takes, then settling or ordering.
   */
  @Transactional
  public Payment create(CreatePayment request, Access caller) {
    Optional<UUID> host =
        access.hostCollecting(caller, request.memberId(), DuesConfiguration.today(clock));
    ProjectedMember member =
        host.isPresent()
            ? access.hostedMember(request.memberId())
            : access.member(caller, request.memberId());
    checkChannel(request, caller, member);
    PaymentBans.check(request);
    Basket basket = basket(request, member);
    Instant now = clock.instant();
    Payment payment = start(request, caller, member, basket, now);
    host.ifPresent(payment::collectedBy);
    takeBills(payment, member, basket, now);
    if (payment.getChannel() == Channel.OFFLINE) {
      settleOffline(payment, member, basket);
    } else {
      orderOnline(payment, member, caller, now);
    }
    return payment;
  }

  /** Offline by staff with a receipt; online by the member themselves where a provider exists. */
  private void checkChannel(CreatePayment request, Access caller, ProjectedMember member) {
    if (request.channel() == Channel.OFFLINE) {
      if (!caller.staff()) {
        throw ProblemException.forbidden("payment.offline-by-staff");
      }
      if (request.receiptNo() == null || request.receiptNo().isBlank()) {
        throw ProblemException.businessRule(
            "offline-payment-needs-receipt", "payment.rule.receipt-required");
      }
    } else if (!caller.isSelf(member.memberId())) {
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
  }

  /** An existing bill a payment takes. */
  private record Item(UUID billId, YearMonth month, long amountFen, boolean prepaid) {}

  /**
   * What one payment covers: the plan, the member's bills before it (by month), the existing bills
   * it takes, the prices of the months it prepays, and the sums.
   */
  private record Basket(
      PaymentRules.Plan plan,
      Map<YearMonth, Bill> before,
      List<Item> items,
      List<BillStore.Price> prepaidPrices,
      long billsFen,
      long extraFen,
      List<YearMonth> covered) {}

  private Basket basket(CreatePayment request, ProjectedMember member) {
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
    List<Item> items = new ArrayList<>();
    for (YearMonth month : plan.existing()) {
      Bill bill = byMonth.get(month);
      items.add(new Item(bill.id(), month, bill.amountFen(), false));
    }
    List<BillStore.Price> prepaidPrices = new ArrayList<>();
    for (YearMonth month : plan.prepaid()) {
      prepaidPrices.add(
          bills
              .price(member.memberId(), month)
              .orElseThrow(
                  () ->
                      ProblemException.businessRule(
                          "prepayment-needs-assessment",
                          "payment.rule.prepayment-needs-assessment",
                          month.toString())));
    }
    long billsFen =
        items.stream().mapToLong(Item::amountFen).sum()
            + prepaidPrices.stream().mapToLong(BillStore.Price::amountFen).sum();
    List<YearMonth> covered = new ArrayList<>(plan.existing());
    covered.addAll(plan.prepaid());
    covered.sort(null);
    return new Basket(plan, byMonth, items, prepaidPrices, billsFen, extra, covered);
  }

  /** The payment row: PAID at once when offline, PENDING otherwise. */
  private Payment start(
      CreatePayment request, Access caller, ProjectedMember member, Basket basket, Instant now) {
    String receipt = request.receiptNo() == null ? null : request.receiptNo().strip();
    Payment payment =
        Payment.start(
            member.memberId(),
            member.orgId(),
            member.orgPath(),
            request.channel(),
            basket.covered(),
            basket.billsFen(),
            basket.extraFen(),
            basket.plan().remitToCentre(),
            receipt,
            caller.username(),
            now);
    payment.declare(
        PaymentBans.payer(request),
        request.payerName(),
        PaymentBans.method(request),
        request.entrustmentRef(),
        PaymentBans.declaration(request));
    if (payment.getTotalFen() <= 0) {
      throw ProblemException.businessRule("payment-covers-something", "payment.rule.empty");
    }
    if (request.channel() == Channel.OFFLINE) {
      payment.paid(now);
    }
    try {
      payments.saveAndFlush(payment);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      // uk_payment_receipt: the receipt number was recorded before in this branch
      throw ProblemException.conflict("payment.receipt-used", receipt);
    }
    return payment;
  }

  /**
   * Takes the existing bills (a conditional UPDATE each: one taken by another payment first is a
   * 409), creates the prepaid ones, and lists them all as the payment's items.
   */
  private void takeBills(Payment payment, ProjectedMember member, Basket basket, Instant now) {
    boolean offline = payment.getChannel() == Channel.OFFLINE;
    BillStatus taken = offline ? BillStatus.PAID : BillStatus.PENDING;
    Instant paidAt = offline ? now : null;
    List<YearMonth> prepaid = basket.plan().prepaid();
    for (Item item : basket.items()) {
      if (!bills.take(item.billId(), payment.getId(), taken, paidAt)) {
        throw ProblemException.conflict("payment.bill-not-payable", item.month().toString());
      }
    }
    for (int i = 0; i < prepaid.size(); i++) {
      if (!bills.insertPrepaid(
          member.memberId(),
          prepaid.get(i),
          member.orgId(),
          basket.prepaidPrices().get(i),
          payment.getId(),
          taken,
          now,
          paidAt)) {
        throw ProblemException.conflict("payment.bill-not-payable", prepaid.get(i).toString());
      }
    }
    for (Item item : basket.items()) {
      paymentItems.insert(payment.getId(), item.billId(), item.month(), item.amountFen(), false);
    }
    for (YearMonth month : prepaid) {
      Bill bill =
          bills
              .ofMemberMonth(member.memberId(), month)
              .orElseThrow(() -> new IllegalStateException("prepaid bill vanished"));
      paymentItems.insert(payment.getId(), bill.id(), bill.month(), bill.amountFen(), true);
    }
  }

  /** Paid at once: the event, and arrears from the bill states this payment leaves. */
  private void settleOffline(Payment payment, ProjectedMember member, Basket basket) {
    Map<YearMonth, ArrearsRules.BillState> after = new TreeMap<>();
    basket
        .before()
        .forEach((m, b) -> after.put(m, new ArrearsRules.BillState(b.status(), b.amountFen())));
    for (YearMonth month : basket.covered()) {
      after.put(month, new ArrearsRules.BillState(BillStatus.PAID, 0));
    }
    events.paid(payment);
    arrears.refresh(member, after);
  }

  /** An order at the provider; the bills stay PENDING until its verified callback. */
  private void orderOnline(Payment payment, ProjectedMember member, Access caller, Instant now) {
    Instant expires = now.plus(properties.payments().orderTtl());
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
}
