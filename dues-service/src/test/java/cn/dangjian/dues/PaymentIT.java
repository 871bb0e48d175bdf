package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.dues.provider.HmacSigner;
import cn.dangjian.platform.persistence.Uuids;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Payments against the real database: offline, online through the sandbox, races, reversal. */
class PaymentIT extends ApiTestSupport {

  static final String SIGNING_KEY = "test-signing-key-0123456789";

  @org.springframework.beans.factory.annotation.Autowired cn.dangjian.dues.bill.BillRunStore bills;

  UUID member;
  String worker;

  @BeforeEach
  void memberWithSevenMonthsBilled() throws Exception {
    member = fullMember(branchA, "EMPLOYED");
    profile(member, NOW.minusMonths(8), "EMPLOYED", 540_000L); // 81.00 a month
    for (int back = 7; back >= 0; back--) {
      run(admin, NOW.minusMonths(back), branchA);
    }
    worker = workerOf(branchA);
  }

  private List<YearMonth> months(int fromBack, int toBack) {
    List<YearMonth> months = new ArrayList<>();
    for (int back = fromBack; back >= toBack; back--) {
      months.add(NOW.minusMonths(back));
    }
    return months;
  }

  private long paymentsOf(UUID member) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM dues_payment WHERE member_id = ?", Long.class, Uuids.bytes(member));
  }

  @Test
  void backPaymentOfMoreThanSixMonthsIsRefused() throws Exception {
    postJson(
            worker, "/api/dues/payments", offline(member, months(7, 0), "R-" + SERIAL.get()), key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("back-payment-at-most-six-months"));
    assertThat(paymentsOf(member)).isZero();
  }

  @Test
  void oneOfflinePaymentSettlesSeveralMonthsAndFreesTheMemberOfArrears() throws Exception {
    // the bill 7 months back is beyond 补交; pay the six before the current month and the current
    JsonNode arrearsBefore = getJson(worker, "/api/dues/arrears/members/" + member);
    assertThat(arrearsBefore.get("consecutiveMonths").asInt()).isEqualTo(7);
    JsonNode paid =
        read(
            postJson(
                    worker,
                    "/api/dues/payments",
                    offline(member, months(6, 0), "R-" + SERIAL.incrementAndGet()),
                    key())
                .andExpect(status().isCreated()));
    assertThat(paid.get("status").asString()).isEqualTo("PAID");
    assertThat(paid.get("billsFen").asLong()).isEqualTo(7 * 8_100);
    assertThat(paid.get("months")).hasSize(7);
    assertThat(bill(member, NOW)).containsEntry("status", "PAID");
    assertThat(bill(member, NOW.minusMonths(7))).containsEntry("status", "UNPAID");
    JsonNode arrearsAfter = getJson(worker, "/api/dues/arrears/members/" + member);
    assertThat(arrearsAfter.get("consecutiveMonths").asInt()).isZero();
    Integer stored =
        jdbc.queryForObject(
            "SELECT months FROM dues_arrears WHERE member_id = ?",
            Integer.class,
            Uuids.bytes(member));
    assertThat(stored).isZero();
  }

  @Test
  void theOldestPayableMonthComesFirst() throws Exception {
    postJson(
            worker,
            "/api/dues/payments",
            offline(member, List.of(NOW), "R-" + SERIAL.incrementAndGet()),
            key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("pay-oldest-months-first"));
  }

  @Test
  void anOfflinePaymentNeedsAReceiptNumberAndAPartyWorker() throws Exception {
    postJson(worker, "/api/dues/payments", offline(member, months(6, 6), " "), key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("offline-payment-needs-receipt"));
    postJson(
            memberToken(member, branchA),
            "/api/dues/payments",
            offline(member, months(6, 6), "R-1"),
            key())
        .andExpect(status().isForbidden());
  }

  @Test
  void aReceiptNumberIsRecordedOncePerBranch() throws Exception {
    String receipt = "R-" + SERIAL.incrementAndGet();
    postJson(worker, "/api/dues/payments", offline(member, months(6, 6), receipt), key())
        .andExpect(status().isCreated());
    postJson(worker, "/api/dues/payments", offline(member, months(5, 5), receipt), key())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("收据号 " + receipt + " 已登记过"));
    assertThat(bill(member, NOW.minusMonths(5))).containsEntry("status", "UNPAID");
  }

  @Test
  void everyPaymentCallNeedsAnIdempotencyKeyAndARetryIsReplayed() throws Exception {
    Map<String, Object> body = offline(member, months(6, 6), "R-" + SERIAL.incrementAndGet());
    postJson(worker, "/api/dues/payments", body)
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"));
    String key = key();
    JsonNode first =
        read(postJson(worker, "/api/dues/payments", body, key).andExpect(status().isCreated()));
    JsonNode again =
        read(
            postJson(worker, "/api/dues/payments", body, key)
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true")));
    assertThat(again.get("id")).isEqualTo(first.get("id"));
    assertThat(paymentsOf(member)).isEqualTo(1);
  }

  @Test
  void aBillIsNeverPaidTwiceEvenUnderConcurrentRequests() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String receipt = "RACE-" + SERIAL.incrementAndGet();
      Callable<Integer> pay =
          () -> {
            start.await();
            return postJson(
                    worker, "/api/dues/payments", offline(member, months(6, 6), receipt), key())
                .andReturn()
                .getResponse()
                .getStatus();
          };
      results.add(pool.submit(pay));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get());
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 409);
    assertThat(paymentsOf(member)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dues_payment_item WHERE bill_id = (SELECT id FROM dues_bill"
                    + " WHERE member_id = ? AND bill_month = ?)",
                Integer.class,
                Uuids.bytes(member),
                NOW.minusMonths(6).atDay(1)))
        .isEqualTo(1);
  }

  private JsonNode startOnline(List<YearMonth> months, long extraFen) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("memberId", member.toString());
    body.put("months", months.stream().map(YearMonth::toString).toList());
    body.put("channel", "ONLINE");
    if (extraFen > 0) {
      body.put("extraFen", extraFen);
    }
    return read(
        postJson(memberToken(member, branchA), "/api/dues/payments", body, key())
            .andExpect(status().isCreated()));
  }

  @Test
  void aMemberPaysOnlineThroughTheSandboxAndTheSignedCallbackConfirmsIt() throws Exception {
    JsonNode order = startOnline(months(6, 5), 0);
    assertThat(order.get("status").asString()).isEqualTo("PENDING");
    assertThat(order.get("payUrl").asString()).contains(order.get("providerOrderId").asString());
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PENDING");
    // a second order for the same month is refused while the first is pending
    Map<String, Object> again =
        Map.of(
            "memberId",
            member.toString(),
            "months",
            List.of(NOW.minusMonths(6).toString()),
            "channel",
            "ONLINE");
    postJson(memberToken(member, branchA), "/api/dues/payments", again, key())
        .andExpect(status().isConflict());

    JsonNode completion =
        read(
            as(
                    memberToken(member, branchA),
                    post(
                        "/api/dues/sandbox/orders/"
                            + order.get("providerOrderId").asString()
                            + "/complete"))
                .andExpect(status().isOk()));
    assertThat(completion.get("outcome").asString()).isEqualTo("APPLIED");
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PAID");
    JsonNode payment =
        getJson(memberToken(member, branchA), "/api/dues/payments/" + order.get("id").asString());
    assertThat(payment.get("status").asString()).isEqualTo("PAID");

    // a fresh notice (new nonce) for the paid order: acknowledged, nothing applied twice
    deliver(
            completion.get("callbackBody").asString(),
            Instant.now().getEpochSecond(),
            nonce(),
            new HmacSigner(SIGNING_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("DUPLICATE"));
  }

  /** Delivers a callback signed over timestamp, nonce and body, without any user token. */
  private org.springframework.test.web.servlet.ResultActions deliver(
      String body, long timestamp, String nonce, HmacSigner signer) throws Exception {
    return deliver(body, timestamp, nonce, signer.sign(Long.toString(timestamp), nonce, body));
  }

  private org.springframework.test.web.servlet.ResultActions deliver(
      String body, long timestamp, String nonce, String signature) throws Exception {
    return mvc.perform(
        post("/api/dues/payments/callbacks/sandbox")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Sandbox-Signature", signature)
            .header("X-Sandbox-Timestamp", Long.toString(timestamp))
            .header("X-Sandbox-Nonce", nonce)
            .content(body));
  }

  private static String nonce() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private String notice(String orderId, long amountFen) {
    return "{\"orderId\":\""
        + orderId
        + "\",\"amountFen\":"
        + amountFen
        + ",\"tradeNo\":\"T1\",\"paidAt\":\"2026-12-01T00:00:00Z\"}";
  }

  private String sandboxStatus(String orderId) {
    return jdbc.queryForObject(
        "SELECT status FROM sandbox_order WHERE id = ?", String.class, orderId);
  }

  private int paidEventsOf(String paymentId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?",
        Integer.class,
        "%" + paymentId + "%");
  }

  @Test
  void strangerCannotReadOrCompleteSomeoneElsesSandboxOrder() throws Exception {
    JsonNode order = startOnline(months(6, 6), 0);
    String orderId = order.get("providerOrderId").asString();
    UUID neighbour = fullMember(branchA, "EMPLOYED");
    List<String> strangers =
        List.of(memberToken(neighbour, branchA), worker, secretaryOf(branchA), admin);
    for (String stranger : strangers) {
      as(
              stranger,
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                  "/api/dues/sandbox/orders/" + orderId))
          .andExpect(status().isNotFound())
          .andExpect(header().string("Content-Type", "application/problem+json"));
      as(stranger, post("/api/dues/sandbox/orders/" + orderId + "/complete"))
          .andExpect(status().isNotFound());
    }
    assertThat(sandboxStatus(orderId)).isEqualTo("CREATED");
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PENDING");
    assertThat(paidEventsOf(order.get("id").asString())).isZero();
    // the payer still can
    getJson(memberToken(member, branchA), "/api/dues/sandbox/orders/" + orderId);
  }

  @Test
  void completingASandboxOrderWithAWrongAmountLeavesTheOrderAndTheBillUnpaid() throws Exception {
    JsonNode order = startOnline(months(6, 6), 0);
    String orderId = order.get("providerOrderId").asString();
    String payer = memberToken(member, branchA);
    as(payer, post("/api/dues/sandbox/orders/" + orderId + "/complete?amountFen=1"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.outcome").value("AMOUNT_MISMATCH"));
    assertThat(bill(member, NOW.minusMonths(6)).get("status")).isNotEqualTo("PAID");
    assertThat(sandboxStatus(orderId)).isEqualTo("CREATED");
    assertThat(
            getJson(payer, "/api/dues/payments/" + order.get("id").asString())
                .get("status")
                .asString())
        .isEqualTo("PENDING");
    assertThat(paidEventsOf(order.get("id").asString())).isZero();
    // nothing was used up: the order can still be paid properly
    JsonNode done =
        read(
            as(payer, post("/api/dues/sandbox/orders/" + orderId + "/complete"))
                .andExpect(status().isOk()));
    assertThat(done.get("outcome").asString()).isEqualTo("APPLIED");
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PAID");
  }

  @Test
  void aCapturedCallbackReplayedIsRejectedAndChangesNothing() throws Exception {
    JsonNode order = startOnline(months(6, 6), 0);
    JsonNode completion =
        read(
            as(
                    memberToken(member, branchA),
                    post(
                        "/api/dues/sandbox/orders/"
                            + order.get("providerOrderId").asString()
                            + "/complete"))
                .andExpect(status().isOk()));
    assertThat(completion.get("outcome").asString()).isEqualTo("APPLIED");
    int events = paidEventsOf(order.get("id").asString());
    int logged = callbackLog("REPLAYED");
    // the exact delivery again, no user token: refused
    deliver(
            completion.get("callbackBody").asString(),
            Long.parseLong(completion.get("timestamp").asString()),
            completion.get("nonce").asString(),
            completion.get("signature").asString())
        .andExpect(status().isConflict())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.outcome").value("REPLAYED"));
    assertThat(callbackLog("REPLAYED")).isEqualTo(logged + 1);
    assertThat(paidEventsOf(order.get("id").asString())).isEqualTo(events);
  }

  @Test
  void aStaleCallbackIsRejectedAndAFreshOneStillApplies() throws Exception {
    JsonNode order = startOnline(months(6, 6), 0);
    String body = notice(order.get("providerOrderId").asString(), 8_100);
    HmacSigner signer = new HmacSigner(SIGNING_KEY);
    deliver(body, Instant.now().minusSeconds(6 * 60).getEpochSecond(), nonce(), signer)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.outcome").value("STALE"));
    deliver(body, Instant.now().plusSeconds(6 * 60).getEpochSecond(), nonce(), signer)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.outcome").value("STALE"));
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PENDING");
    deliver(body, Instant.now().getEpochSecond(), nonce(), signer)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("APPLIED"));
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PAID");
  }

  @Test
  void aCallbackWithATamperedAmountTimestampOrNonceIsRejected() throws Exception {
    JsonNode order = startOnline(months(6, 6), 0);
    String orderId = order.get("providerOrderId").asString();
    HmacSigner signer = new HmacSigner(SIGNING_KEY);
    long now = Instant.now().getEpochSecond();
    String nonce = nonce();
    // a genuine notice of a smaller amount, its amount raised in transit
    String genuine = notice(orderId, 1);
    String signature = signer.sign(Long.toString(now), nonce, genuine);
    deliver(notice(orderId, 8_100), now, nonce, signature)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.outcome").value("BAD_SIGNATURE"));
    String right = notice(orderId, 8_100);
    String stale = signer.sign(Long.toString(now - 600), nonce, right);
    deliver(right, now, nonce, stale)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.outcome").value("BAD_SIGNATURE"));
    deliver(right, now - 600, nonce(), stale)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.outcome").value("BAD_SIGNATURE"));
    // and a notice without timestamp and nonce is not a callback at all
    mvc.perform(
            post("/api/dues/payments/callbacks/sandbox")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Sandbox-Signature", signer.sign(right))
                .content(right))
        .andExpect(status().isForbidden());
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PENDING");
    assertThat(sandboxStatus(orderId)).isEqualTo("CREATED");
  }

  private int callbackLog(String outcome) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM dues_callback_log WHERE outcome = ?", Integer.class, outcome);
  }

  @Test
  void callbacksWithABadSignatureAnUnknownOrderOrAWrongAmountAreRejectedLoggedAndNeverApplied()
      throws Exception {
    JsonNode order = startOnline(months(6, 6), 0);
    String orderId = order.get("providerOrderId").asString();
    HmacSigner signer = new HmacSigner(SIGNING_KEY);
    String rightBody = notice(orderId, 8_100);
    long now = Instant.now().getEpochSecond();
    int badBefore = callbackLog("BAD_SIGNATURE");
    deliver(rightBody, now, nonce(), new HmacSigner("another-key-0123456789"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.outcome").value("BAD_SIGNATURE"));
    assertThat(callbackLog("BAD_SIGNATURE")).isEqualTo(badBefore + 1);

    String unknown = rightBody.replace(orderId, "SBXNOSUCHORDER");
    deliver(unknown, now, nonce(), signer)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.outcome").value("UNKNOWN_ORDER"));

    String wrongAmount = notice(orderId, 1);
    deliver(wrongAmount, now, nonce(), signer)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.outcome").value("AMOUNT_MISMATCH"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dues_callback_log WHERE order_id = ? AND outcome = 'AMOUNT_MISMATCH'",
                Integer.class,
                orderId))
        .isEqualTo(1);

    // the sandbox itself reporting a wrong amount is rejected the same way
    as(
            memberToken(member, branchA),
            post("/api/dues/sandbox/orders/" + orderId + "/complete?amountFen=100"))
        .andExpect(status().isUnprocessableContent());
    assertThat(bill(member, NOW.minusMonths(6))).containsEntry("status", "PENDING");
    assertThat(
            getJson(admin, "/api/dues/payments/" + order.get("id").asString())
                .get("status")
                .asString())
        .isEqualTo("PENDING");
  }

  @Test
  void aOneOffExtraOfAThousandYuanIsFlaggedForTheCentre() throws Exception {
    JsonNode order = startOnline(months(6, 6), 100_000);
    assertThat(order.get("remitToCentre").asBoolean()).isTrue();
    assertThat(order.get("totalFen").asLong()).isEqualTo(108_100);
  }

  @Test
  void prepaymentBillsFutureMonthsUpToTheLimitAndABillRunLeavesThemAlone() throws Exception {
    UUID newcomer = fullMember(branchA, "EMPLOYED");
    profile(newcomer, NOW, "EMPLOYED", 300_000L); // 15.00 a month
    run(admin, NOW, branchA);
    postJson(
            worker,
            "/api/dues/payments",
            offline(newcomer, List.of(NOW, NOW.plusMonths(7)), "R-x"),
            key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("prepayment-limit"));
    JsonNode paid =
        read(
            postJson(
                    worker,
                    "/api/dues/payments",
                    offline(
                        newcomer,
                        List.of(NOW, NOW.plusMonths(1), NOW.plusMonths(2)),
                        "R-" + SERIAL.incrementAndGet()),
                    key())
                .andExpect(status().isCreated()));
    assertThat(paid.get("billsFen").asLong()).isEqualTo(3 * 1_500);
    assertThat(bill(newcomer, NOW.plusMonths(1)))
        .containsEntry("origin", "PREPAY")
        .containsEntry("status", "PAID");
    bills.issueChunk(NOW.plusMonths(1), feed.pathOf(branchA), null, null, java.time.Instant.now());
    assertThat(bill(newcomer, NOW.plusMonths(1)))
        .containsEntry("origin", "PREPAY")
        .containsEntry("status", "PAID");
    // the old member still owes a month beyond 补交: no prepayment before that is settled
    postJson(
            worker, "/api/dues/payments", offline(member, List.of(NOW.plusMonths(1)), "R-y"), key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("prepayment-needs-arrears-cleared"));
  }

  @Test
  void aReversalNeedsAReasonIsAuditedAndMakesTheMonthsUnpaidAgain() throws Exception {
    JsonNode paid =
        read(
            postJson(
                    worker,
                    "/api/dues/payments",
                    offline(member, months(6, 0), "R-" + SERIAL.incrementAndGet()),
                    key())
                .andExpect(status().isCreated()));
    String id = paid.get("id").asString();
    postJson(
            secretaryOf(branchA),
            "/api/dues/payments/" + id + "/reversal",
            Map.of("reason", " "),
            key())
        .andExpect(status().isBadRequest());
    postJson(worker, "/api/dues/payments/" + id + "/reversal", Map.of("reason", "收据号登记错误"), key())
        .andExpect(status().isForbidden());
    postJson(
            secretaryOf(branchB),
            "/api/dues/payments/" + id + "/reversal",
            Map.of("reason", "x"),
            key())
        .andExpect(status().isNotFound());
    JsonNode reversed =
        read(
            postJson(
                    secretaryOf(branchA),
                    "/api/dues/payments/" + id + "/reversal",
                    Map.of("reason", "收据号登记错误"),
                    key())
                .andExpect(status().isOk()));
    assertThat(reversed.get("status").asString()).isEqualTo("REVERSED");
    assertThat(reversed.get("reversalReason").asString()).isEqualTo("收据号登记错误");
    assertThat(bill(member, NOW)).containsEntry("status", "UNPAID");
    assertThat(
            getJson(worker, "/api/dues/arrears/members/" + member).get("consecutiveMonths").asInt())
        .isEqualTo(7);
    assertThat(
            jdbc.queryForObject(
                "SELECT reason FROM dues_audit WHERE action = 'PAYMENT_REVERSED' AND subject_id = ?",
                String.class,
                Uuids.bytes(UUID.fromString(id))))
        .isEqualTo("收据号登记错误");
    postJson(
            secretaryOf(branchA),
            "/api/dues/payments/" + id + "/reversal",
            Map.of("reason", "again"),
            key())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("only-paid-payments-reversed"));
  }

  @Test
  void anotherBranchsSecretarySeesNoneOfTheMembersPayments() throws Exception {
    JsonNode paid =
        read(
            postJson(
                    worker,
                    "/api/dues/payments",
                    offline(member, months(6, 6), "R-" + SERIAL.incrementAndGet()),
                    key())
                .andExpect(status().isCreated()));
    as(
            secretaryOf(branchB),
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/api/dues/payments/" + paid.get("id").asString()))
        .andExpect(status().isNotFound());
    JsonNode list = getJson(secretaryOf(branchB), "/api/dues/payments?size=200");
    assertThat(list.toString()).doesNotContain(paid.get("id").asString());
    JsonNode own = getJson(secretaryOf(branchA), "/api/dues/payments?size=200");
    assertThat(own.toString()).contains(paid.get("id").asString());
  }
}
