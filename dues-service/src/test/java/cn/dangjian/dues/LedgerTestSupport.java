package cn.dangjian.dues;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.dues.meeting.MeetingEventsConsumer;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.persistence.Uuids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A billed member in branch A, meetings from org-life-service, and ledger request helpers. */
abstract class LedgerTestSupport extends ApiTestSupport {

  static final LocalDate TODAY = LocalDate.now(cn.dangjian.dues.config.DuesConfiguration.CALENDAR);

  @Autowired MeetingEventsConsumer meetings;
  @Autowired PlatformTransactionManager transactions;

  UUID member;
  String worker;

  @BeforeEach
  void billedMember() throws Exception {
    member = fullMember(branchA, "EMPLOYED");
    profile(member, NOW.minusMonths(2), "EMPLOYED", 540_000L); // 81.00 a month
    for (int back = 2; back >= 0; back--) {
      run(admin, NOW.minusMonths(back), branchA);
    }
    worker = workerOf(branchA);
  }

  /** An offline payment recorded by branch A's party worker. */
  JsonNode pay(List<YearMonth> months, long extraFen) throws Exception {
    return pay(worker, months, extraFen);
  }

  JsonNode pay(String token, List<YearMonth> months, long extraFen) throws Exception {
    Map<String, Object> body = offline(member, months, "L-" + SERIAL.incrementAndGet());
    body.put("extraFen", extraFen);
    return read(postJson(token, "/api/dues/payments", body, key()).andExpect(status().isCreated()));
  }

  void reverse(JsonNode payment) throws Exception {
    postJson(
            secretaryOf(branchA),
            "/api/dues/payments/" + payment.get("id").asString() + "/reversal",
            Map.of("reason", "登记错误"),
            key())
        .andExpect(status().isOk());
  }

  /** Moves a payment to a past day, as if it had been paid then. */
  void paidOn(JsonNode payment, LocalDate day) {
    jdbc.update(
        "UPDATE dues_payment SET paid_at = ?, created_at = ? WHERE id = ?",
        noonUtc(day),
        noonUtc(day),
        Uuids.bytes(UUID.fromString(payment.get("id").asString())));
  }

  static LocalDateTime noonUtc(LocalDate day) {
    return day.atTime(4, 0); // 12:00 in Asia/Shanghai
  }

  /** org-life-service's record of a meeting held, as its event arrives on orglife.events. */
  UUID meeting(UUID org, String type, LocalDate heldOn) {
    UUID id = UuidV7.next();
    apply(
        EventTypes.ORGLIFE_MEETING_HELD,
        id,
        new MeetingRecordChanged(
            id,
            org,
            "BRANCH",
            type,
            "HELD",
            heldOn,
            heldOn.atTime(19, 0),
            heldOn.atTime(21, 0),
            0,
            5,
            5,
            List.of(),
            List.of(),
            "",
            null));
    return id;
  }

  void cancelled(UUID meeting, UUID org, String type, LocalDate on) {
    apply(
        EventTypes.ORGLIFE_MEETING_CANCELLED,
        meeting,
        new MeetingPlanned(meeting, org, type, on, on.atTime(19, 0), on.atTime(21, 0), List.of()));
  }

  private void apply(String type, UUID subject, Object payload) {
    EventEnvelope<JsonNode> envelope =
        new EventEnvelope<>(
            UuidV7.next(),
            type,
            1,
            Instant.now(),
            "org-life-service",
            subject.toString(),
            feed.pathOf(committee),
            json.valueToTree(payload));
    new TransactionTemplate(transactions).executeWithoutResult(s -> meetings.apply(envelope));
  }

  Map<String, Object> spending(LocalDate date, long fen, String purpose, UUID meeting) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", date.toString());
    body.put("amountFen", fen);
    body.put("purpose", purpose);
    body.put("meetingId", meeting == null ? null : meeting.toString());
    body.put("reference", "凭证-" + SERIAL.incrementAndGet());
    return body;
  }

  ResultActions expense(String token, UUID org, Map<String, Object> body) throws Exception {
    return postJson(token, "/api/dues/ledgers/" + org + "/expenses", body, key());
  }

  ResultActions interest(UUID org, LocalDate date, long fen) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("date", date.toString());
    body.put("amountFen", fen);
    body.put("bankReference", "BANK-" + SERIAL.incrementAndGet());
    return postJson(secretaryOf(org), "/api/dues/ledgers/" + org + "/interest", body, key());
  }

  long balance(UUID org) throws Exception {
    return getJson(admin, "/api/dues/ledgers/" + org).get("balanceFen").asLong();
  }

  JsonNode entries(UUID org, int year) throws Exception {
    return getJson(admin, "/api/dues/ledgers/" + org + "/entries?year=" + year);
  }

  static long sum(JsonNode entries, String kind) {
    long sum = 0;
    for (JsonNode e : entries.get("entries")) {
      if (e.get("kind").asString().equals(kind)) {
        sum += e.get("amountFen").asLong();
      }
    }
    return sum;
  }
}
