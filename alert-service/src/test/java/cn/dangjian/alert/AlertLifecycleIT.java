package cn.dangjian.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.member.ElectionHeld;
import cn.dangjian.events.orglife.RecordFlagged;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Events and a clock in, alerts out: raised, risen in place, resolved, never duplicated. */
class AlertLifecycleIT extends ApiTestSupport {

  private JsonNode onlyAlert(String token, UUID subject, String rule) throws Exception {
    JsonNode page = alertsOf(token, subject);
    for (JsonNode item : page.get("items")) {
      if (item.get("ruleId").asString().equals(rule)) {
        return item;
      }
    }
    return null;
  }

  @Test
  void memberAbsentFromOrgLifeForFourMonthsGetsANoticeThatRisesAndResolvesWhenTheMemberAttends()
      throws Exception {
    UUID present = member(branchA);
    UUID absent = member(branchA);
    meeting(
        branchA,
        "THEMED_PARTY_DAY",
        LocalDate.of(2026, 7, 10),
        List.of(present, absent),
        List.of());
    for (int month = 8; month <= 11; month++) {
      meeting(
          branchA,
          "THEMED_PARTY_DAY",
          LocalDate.of(2026, month, 5),
          List.of(present),
          List.of(absent));
    }
    sweep(LocalDate.of(2026, 11, 30));

    JsonNode alert = onlyAlert(admin, absent, "MEMBER_ABSENT_ORG_LIFE");
    assertThat(alert).isNotNull();
    assertThat(alert.get("severity").asString()).isEqualTo("NOTICE");
    assertThat(alert.get("severityLabel").asString()).isEqualTo("提示");
    assertThat(alert.get("title").asString()).isEqualTo("党员已连续4个月未参加组织生活");
    assertThat(alert.get("suggestion").asString())
        .contains("自2026-08-05起已连续4个月")
        .contains("缺席4次")
        .contains("最近一次参加：2026-07-10")
        .contains("请支部书记于2026-12-15前");
    assertThat(alert.get("deadline").asString()).isEqualTo("2026-12-15");
    assertThat(alert.get("basis").asString()).contains("第九条");
    assertThat(onlyAlert(admin, present, "MEMBER_ABSENT_ORG_LIFE")).isNull();

    sweep(LocalDate.of(2026, 12, 31));
    JsonNode risen = onlyAlert(admin, absent, "MEMBER_ABSENT_ORG_LIFE");
    assertThat(risen.get("id").asString()).isEqualTo(alert.get("id").asString());
    assertThat(risen.get("severity").asString()).isEqualTo("WARNING");
    assertThat(risen.get("title").asString()).isEqualTo("党员已连续5个月未参加组织生活");

    meeting(
        branchA, "THEMED_PARTY_DAY", LocalDate.of(2027, 1, 8), List.of(present, absent), List.of());
    JsonNode resolved =
        await(
            () -> {
              try {
                JsonNode a = onlyAlert(admin, absent, "MEMBER_ABSENT_ORG_LIFE");
                return "RESOLVED".equals(a.get("status").asString())
                    ? Optional.of(a)
                    : Optional.empty();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(resolved.get("resolution").asString()).isEqualTo("该党员已于2027-01-08参加组织生活，预警自动解除。");
    as(admin, get("/api/alerts/" + alert.get("id").asString() + "/history"))
        .andExpect(jsonPath("$[0].action").value("RAISED"))
        .andExpect(jsonPath("$[1].action").value("SEVERITY_CHANGED"))
        // the 15 days to rectify ran out on 15 Dec: the sweep of 31 Dec sent it to the town
        .andExpect(jsonPath("$[2].action").value("ESCALATED"))
        .andExpect(jsonPath("$[3].action").value("RESOLVED"));
  }

  @Test
  void replayingEveryEventAndSweepingTwiceCreatesNoDuplicateAlert() throws Exception {
    UUID absent = member(branchA);
    UUID other = member(branchA);
    meeting(branchA, "THEMED_PARTY_DAY", LocalDate.of(2026, 8, 5), List.of(other), List.of(absent));
    meeting(branchA, "THEMED_PARTY_DAY", LocalDate.of(2026, 9, 5), List.of(other), List.of(absent));
    meeting(
        branchA, "THEMED_PARTY_DAY", LocalDate.of(2026, 10, 5), List.of(other), List.of(absent));
    var arrears =
        send(
            Topics.DUES_EVENTS,
            EventTypes.DUES_ARREARS_CHANGED,
            absent.toString(),
            branchA,
            new cn.dangjian.events.dues.ArrearsChanged(absent, branchA, 3, "2026-08", 4500));
    awaitRow(
        "SELECT COUNT(*) FROM alert WHERE subject_id = UNHEX(REPLACE(?, '-', '')) AND rule_id = 'DUES_ARREARS'",
        absent);
    sweep(LocalDate.of(2026, 10, 31));
    String count = "SELECT COUNT(*) FROM alert WHERE subject_id = UNHEX(REPLACE(?, '-', ''))";
    Integer before = jdbc.queryForObject(count, Integer.class, absent.toString());
    Integer publications =
        jdbc.queryForObject("SELECT COUNT(*) FROM event_publication", Integer.class);

    // the same envelope again (a redelivery / a replay from offset 0) and the same sweep again
    FEED.sendRaw(Topics.DUES_EVENTS, absent.toString(), json.writeValueAsBytes(arrears));
    UUID marker = member(branchA);
    meeting(
        branchA,
        "THEMED_PARTY_DAY",
        LocalDate.of(2026, 10, 20),
        List.of(other, marker),
        List.of(absent));
    sweep(LocalDate.of(2026, 10, 31));
    sweep(LocalDate.of(2026, 10, 31));

    assertThat(jdbc.queryForObject(count, Integer.class, absent.toString()))
        .isEqualTo(before)
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                // once by the alert intake (the notifications' own consumer marks it too, once)
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?"
                    + " AND consumer = 'alert-domain-events'",
                Integer.class,
                arrears.eventId().toString()))
        .isEqualTo(1);
    // nothing new was told to the world about the member's two alerts either
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?",
                Integer.class,
                "%" + absent + "%"))
        .isEqualTo(2);
    assertThat(publications).isPositive();
  }

  @Test
  void aPoisonEventAmongGoodOnesGoesToTheDltWithItsReasonAndTheOthersStillRaiseTheirAlerts()
      throws Exception {
    UUID before = member(branchA);
    UUID after = member(branchA);
    String poisonKey = "poison-" + UUID.randomUUID();
    // one burst, so that the consumer gets them in one poll: the batch fails, the good ones are
    // applied one by one, the poison is parked
    arrears(before, branchA, 3, "2026-08", 4500);
    FEED.sendRaw(Topics.DUES_EVENTS, poisonKey, "这不是事件".getBytes(StandardCharsets.UTF_8));
    arrears(after, branchA, 4, "2026-07", 6000);

    assertThat(await(() -> Optional.ofNullable(alert(before, "DUES_ARREARS")))).isNotNull();
    assertThat(await(() -> Optional.ofNullable(alert(after, "DUES_ARREARS")))).isNotNull();
    ConsumerRecord<String, byte[]> dead = deadLetter(poisonKey);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("这不是事件");
    assertThat(
            new String(
                dead.headers().lastHeader("dangjian-dlt-reason").value(), StandardCharsets.UTF_8))
        .contains("PoisonEventException");
  }

  private ConsumerRecord<String, byte[]> deadLetter(String key) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dlt-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(Topics.deadLetterOf(Topics.DUES_EVENTS)));
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on the DLT");
  }

  @Test
  void duesArrearsRaiseOnTheEventRiseWithTheMonthsAndResolveOncePaid() throws Exception {
    UUID m = member(branchA);
    arrears(m, branchA, 3, "2026-08", 4500);
    JsonNode notice =
        await(
            () ->
                Optional.ofNullable(alert(m, "DUES_ARREARS"))
                    .filter(a -> a.get("severity").asString().equals("NOTICE")));
    assertThat(notice.get("suggestion").asString()).contains("欠缴45.00元").contains("补交最长不超过6个月");
    arrears(m, branchA, 5, "2026-08", 7500);
    await(
        () ->
            Optional.ofNullable(alert(m, "DUES_ARREARS"))
                .filter(a -> a.get("severity").asString().equals("WARNING")));
    arrears(m, branchA, 0, null, 0);
    JsonNode resolved =
        await(
            () ->
                Optional.ofNullable(alert(m, "DUES_ARREARS"))
                    .filter(a -> a.get("status").asString().equals("RESOLVED")));
    assertThat(resolved.get("id").asString()).isEqualTo(notice.get("id").asString());
    assertThat(resolved.get("resolution").asString()).contains("已交纳党费");
  }

  private JsonNode alert(UUID subject, String rule) {
    try {
      return onlyAlert(admin, subject, rule);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void committeeTermWarnsAheadOfExpiryAndAnOverdueAlertEscalatesToTheSuperior() throws Exception {
    UUID term = UUID.randomUUID();
    FEED.send(
        EventTypes.COMMITTEE_CHANGED,
        branchA.toString(),
        FEED.pathOf(branchA),
        new CommitteeChanged(
            branchA,
            term,
            LocalDate.of(2024, 7, 1),
            LocalDate.of(2027, 6, 30),
            null,
            UUID.randomUUID(),
            null,
            5));
    awaitRow(
        "SELECT COUNT(*) FROM org_state WHERE org_id = UNHEX(REPLACE(?, '-', '')) AND term_id IS NOT NULL",
        branchA);
    assertThat(alert(branchA, "COMMITTEE_TERM_EXPIRING"))
        .isNull(); // seven months ahead: nothing yet
    sweep(LocalDate.of(2026, 12, 31));
    JsonNode notice = alert(branchA, "COMMITTEE_TERM_EXPIRING");
    assertThat(notice.get("severity").asString()).isEqualTo("NOTICE");
    assertThat(notice.get("suggestion").asString()).contains("2027-06-30").contains("延期不超过一年");
    assertThat(notice.get("deadline").asString()).isEqualTo("2027-01-30");
    assertThat(notice.get("assigneeOrgId").asString()).isEqualTo(branchA.toString());

    sweep(LocalDate.of(2027, 2, 5)); // past the 30-day deadline, nothing done
    JsonNode escalated = alert(branchA, "COMMITTEE_TERM_EXPIRING");
    assertThat(escalated.get("escalationLevel").asInt()).isEqualTo(1);
    assertThat(escalated.get("assigneeOrgId").asString()).isEqualTo(town.toString());
    assertThat(escalated.get("deadline").asString()).isEqualTo("2027-03-07");
    sweep(LocalDate.of(2027, 2, 5));
    assertThat(alert(branchA, "COMMITTEE_TERM_EXPIRING").get("escalationLevel").asInt())
        .isEqualTo(1);

    sweep(LocalDate.of(2027, 6, 1));
    assertThat(alert(branchA, "COMMITTEE_TERM_EXPIRING").get("severity").asString())
        .isEqualTo("WARNING");
    sweep(LocalDate.of(2027, 7, 1));
    assertThat(alert(branchA, "COMMITTEE_TERM_EXPIRING").get("severity").asString())
        .isEqualTo("SERIOUS");
  }

  /** Ahead of today: the events' own evaluation (today) finds nothing overdue, sweeps do. */
  private static final LocalDate APPROVAL_DUE =
      LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10);

  private void approvalChanged(
      UUID approval, String status, int stage, String body, UUID decidingOrg) throws Exception {
    FEED.send(
        EventTypes.MEMBER_APPROVAL_CHANGED,
        approval.toString(),
        FEED.pathOf(branchA),
        new ApprovalChanged(
            approval,
            "STATUS_CHANGE",
            status,
            stage,
            body,
            decidingOrg,
            decidingOrg == null ? FEED.pathOf(branchA) : FEED.pathOf(decidingOrg),
            UUID.randomUUID(),
            branchA,
            FEED.pathOf(branchA),
            "开除党籍：张某",
            APPROVAL_DUE.minusDays(30),
            APPROVAL_DUE,
            "APPROVED".equals(status) ? APPROVAL_DUE.plusDays(31) : null,
            null));
  }

  @Test
  void overdueApprovalAlertsTheDecidingCommitteeUntilItDecides() throws Exception {
    UUID approval = UUID.randomUUID();
    approvalChanged(approval, "PENDING", 0, "PRIMARY_COMMITTEE", town);
    awaitRow(
        "SELECT COUNT(*) FROM approval_watch WHERE approval_id = UNHEX(REPLACE(?, '-', ''))",
        approval);
    sweep(APPROVAL_DUE); // due today: not overdue yet
    assertThat(alert(town, "APPROVAL_OVERDUE")).isNull();

    sweep(APPROVAL_DUE.plusDays(6));
    JsonNode overdue = alert(town, "APPROVAL_OVERDUE");
    assertThat(overdue.get("severity").asString()).isEqualTo("WARNING");
    assertThat(overdue.get("title").asString()).isEqualTo("待审批：开除党籍：张某（已逾期6天）");
    assertThat(overdue.get("suggestion").asString())
        .contains("应由基层党委于" + APPROVAL_DUE + "前作出决定")
        .contains("待我审批");
    assertThat(alert(branchA, "APPROVAL_OVERDUE")).isNull();

    // the 党委 approves: the request moves on to the 纪委 (on the subject's org), the 党委's resolves
    approvalChanged(approval, "PENDING", 1, "DISCIPLINE_COMMISSION", null);
    await(
        () ->
            "RESOLVED".equals(alert(town, "APPROVAL_OVERDUE").get("status").asString())
                ? java.util.Optional.of(true)
                : java.util.Optional.empty());
    sweep(APPROVAL_DUE.plusDays(31));
    assertThat(alert(branchA, "APPROVAL_OVERDUE").get("severity").asString()).isEqualTo("SERIOUS");
    approvalChanged(approval, "APPROVED", 1, "DISCIPLINE_COMMISSION", null);
    JsonNode decided =
        await(
            () ->
                java.util.Optional.of(alert(branchA, "APPROVAL_OVERDUE"))
                    .filter(a -> "RESOLVED".equals(a.get("status").asString())));
    assertThat(decided.get("resolution").asString()).isEqualTo("该事项已作出决定或已撤回，预警自动解除。");
  }

  private JsonNode awaitStatus(UUID subject, String rule, String status) {
    return await(
        () -> {
          JsonNode a = alert(subject, rule);
          return a != null && status.equals(a.get("status").asString())
              ? Optional.of(a)
              : Optional.empty();
        });
  }

  private void electionHeld(UUID org, boolean valid, int present, String rule) {
    FEED.send(
        EventTypes.COMMITTEE_ELECTION_HELD,
        org.toString(),
        FEED.pathOf(org),
        new ElectionHeld(
            UUID.randomUUID(),
            org,
            LocalDate.of(2026, 12, 6),
            20,
            present,
            5,
            6,
            valid,
            rule,
            valid ? List.of(UUID.randomUUID()) : List.of()));
  }

  @Test
  void anInvalidElectionIsSeriousUntilAValidOneOrANewTerm() throws Exception {
    electionHeld(branchA, false, 16, "turnout-not-above-four-fifths");
    JsonNode alert = awaitStatus(branchA, "ELECTION_INVALID", "OPEN");
    assertThat(alert.get("severity").asString()).isEqualTo("SERIOUS");
    assertThat(alert.get("title").asString()).isEqualTo("换届选举无效：到会人数未超过应到会人数的五分之四");
    LocalDate deadline = LocalDate.parse(alert.get("raisedOn").asString()).plusDays(30);
    assertThat(alert.get("deadline").asString()).isEqualTo(deadline.toString());
    assertThat(alert.get("suggestion").asString())
        .contains("到会人数/应到会人数 16/20")
        .contains("依据《中国共产党基层组织选举工作条例》")
        .contains("本次选举无效")
        .contains("请于" + deadline + "前重新组织选举");
    assertThat(alert.get("evidence").get(1).get("text").asString()).contains("差额比例20%");

    electionHeld(branchA, true, 18, null);
    JsonNode resolved = awaitStatus(branchA, "ELECTION_INVALID", "RESOLVED");
    assertThat(resolved.get("id").asString()).isEqualTo(alert.get("id").asString());
    assertThat(resolved.get("resolution").asString()).isEqualTo("本组织已于2026-12-06重新选举，选举有效，预警自动解除。");

    // an invalid election, then the 党委 records a new term anyway: resolved as well
    electionHeld(branchB, false, 16, "turnout-not-above-four-fifths");
    awaitStatus(branchB, "ELECTION_INVALID", "OPEN");
    FEED.send(
        EventTypes.COMMITTEE_CHANGED,
        branchB.toString(),
        FEED.pathOf(branchB),
        new CommitteeChanged(
            branchB,
            UUID.randomUUID(),
            LocalDate.of(2026, 12, 20),
            LocalDate.of(2029, 12, 20),
            LocalDate.of(2029, 12, 20),
            UUID.randomUUID(),
            null,
            5));
    assertThat(awaitStatus(branchB, "ELECTION_INVALID", "RESOLVED").get("resolution").asString())
        .isEqualTo("新一届委员会已于2026-12-20产生，预警自动解除。");
  }

  @Test
  void aFlaggedRecordBecomesAnAlertWithTheEarlierRecordAsEvidence() throws Exception {
    UUID meeting = UUID.randomUUID();
    UUID earlier = UUID.randomUUID();
    send(
        Topics.ORGLIFE_EVENTS,
        EventTypes.ORGLIFE_RECORD_FLAGGED,
        meeting.toString(),
        branchB,
        new RecordFlagged(
            UUID.randomUUID(),
            meeting,
            branchB,
            "COMMITTEE_MEETING",
            LocalDate.of(2026, 11, 12),
            1,
            "DUPLICATE_MINUTES",
            earlier,
            0.93,
            "会议记录与2026-10-10的记录相似度93%"));
    JsonNode alert = await(() -> Optional.ofNullable(alert(branchB, "RECORD_FLAGGED")));
    assertThat(alert.get("severity").asString()).isEqualTo("WARNING");
    assertThat(alert.get("title").asString()).contains("照抄照搬");
    assertThat(alert.get("evidence").get(0).get("text").asString())
        .contains(earlier.toString())
        .contains("0.93");
  }

  @Test
  void anotherBranchSecretarySeesNoneOfItAndTheSuperiorSeesAll() throws Exception {
    UUID m = member(branchA);
    arrears(m, branchA, 6, "2026-05", 9000);
    JsonNode alert = await(() -> Optional.ofNullable(alert(m, "DUES_ARREARS")));
    String id = alert.get("id").asString();
    as(secretaryOf(branchB), get("/api/alerts/" + id)).andExpect(status().isNotFound());
    as(secretaryOf(branchB), get("/api/alerts").param("subjectId", m.toString()))
        .andExpect(jsonPath("$.total").value(0));
    as(secretaryOf(branchB), get("/api/alerts/stats").param("orgId", branchA.toString()))
        .andExpect(status().isNotFound());
    as(secretaryOf(branchA), get("/api/alerts/" + id)).andExpect(status().isOk());
    as(secretaryOf(town), get("/api/alerts").param("orgId", branchA.toString()))
        .andExpect(jsonPath("$.total").value(1));
    as(secretaryOf(town), get("/api/alerts/stats").param("orgId", town.toString()))
        .andExpect(jsonPath("$.open").value(1))
        .andExpect(jsonPath("$.openByRule[0].ruleId").value("DUES_ARREARS"))
        .andExpect(jsonPath("$.openByRule[0].serious").value(1));
    String member = KEYCLOAK.token().roles("member").orgId(branchA).memberId(m).build();
    as(member, get("/api/alerts")).andExpect(status().isForbidden());
  }

  @Test
  void theRectificationLoopEndsWithTheSuperiorsReviewAndKeepsTheWholeHistory() throws Exception {
    UUID m = member(branchA);
    arrears(m, branchA, 3, "2026-08", 4500);
    String id = await(() -> Optional.ofNullable(alert(m, "DUES_ARREARS"))).get("id").asString();
    String own = secretaryOf(branchA);
    String superior = secretaryOf(town);
    String feedback =
        "{\"feedback\":\"已与该党员谈话\",\"attachments\":[{\"name\":\"谈话记录.pdf\",\"url\":\"https://files.example.cn/1\"}]}";

    as(own, post("/api/alerts/" + id + "/acknowledge").header("If-Match", version(id)))
        .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
    as(
            own,
            post("/api/alerts/" + id + "/submit")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content(feedback))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("alert-transition-not-allowed"));
    as(
            own,
            post("/api/alerts/" + id + "/rectify")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content(feedback))
        .andExpect(jsonPath("$.status").value("RECTIFYING"));
    as(
            own,
            post("/api/alerts/" + id + "/submit")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content(feedback))
        .andExpect(jsonPath("$.status").value("SUBMITTED"));
    as(
            own,
            post("/api/alerts/" + id + "/review")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"ACCEPT\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("alert-review-needs-superior-org"))
        .andExpect(jsonPath("$.detail").value("审核和撤销须由上级党组织或组织部进行"));
    as(
            superior,
            post("/api/alerts/" + id + "/review")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"REJECT\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("alert-reject-needs-text"));
    as(
            superior,
            post("/api/alerts/" + id + "/review")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"REJECT\",\"reason\":\"请补充补交凭证\"}"))
        .andExpect(jsonPath("$.status").value("RECTIFYING"));
    as(
            own,
            post("/api/alerts/" + id + "/submit")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content(feedback))
        .andExpect(jsonPath("$.status").value("SUBMITTED"));
    as(
            superior,
            post("/api/alerts/" + id + "/review")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"ACCEPT\",\"reason\":\"整改到位\"}"))
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.resolution").value("整改到位"));

    as(own, get("/api/alerts/" + id + "/history"))
        .andExpect(jsonPath("$.length()").value(7))
        .andExpect(jsonPath("$[2].action").value("RECTIFY"))
        .andExpect(jsonPath("$[2].attachments[0].name").value("谈话记录.pdf"))
        .andExpect(jsonPath("$[4].actor").value("secretary-" + town))
        .andExpect(jsonPath("$[4].note").value("请补充补交凭证"));
    // closed after review: the same occurrence is not raised again by later events or sweeps
    arrears(m, branchA, 4, "2026-08", 6000);
    UUID marker = member(branchA);
    arrears(marker, branchA, 3, "2026-08", 4500);
    await(() -> Optional.ofNullable(alert(marker, "DUES_ARREARS")));
    assertThat(alertsOf(admin, m).get("total").asInt()).isEqualTo(1);
  }

  @Test
  void anActionOnAnAlertSomeoneElseMovedMeanwhileIsRefused() throws Exception {
    UUID m = member(branchB);
    arrears(m, branchB, 3, "2026-08", 4500);
    String id = await(() -> Optional.ofNullable(alert(m, "DUES_ARREARS"))).get("id").asString();
    String seen = version(id);
    as(secretaryOf(branchB), post("/api/alerts/" + id + "/acknowledge"))
        .andExpect(status().isPreconditionRequired());
    as(secretaryOf(branchB), post("/api/alerts/" + id + "/acknowledge").header("If-Match", seen))
        .andExpect(status().isOk())
        .andExpect(header().exists("ETag"))
        .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
    // a second worker still holding the alert as it was read before
    as(
            secretaryOf(branchB),
            post("/api/alerts/" + id + "/rectify")
                .header("If-Match", seen)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"feedback\":\"已谈话\"}"))
        .andExpect(status().isPreconditionFailed());
    as(admin, get("/api/alerts/" + id)).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
  }

  /** The alert's current ETag, as a console reads it before acting. */
  private String version(String id) throws Exception {
    return as(admin, get("/api/alerts/" + id))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getHeader("ETag");
  }

  @Test
  void dismissalNeedsAReasonAndASuperior() throws Exception {
    UUID m = member(branchB);
    arrears(m, branchB, 3, "2026-08", 4500);
    String id = await(() -> Optional.ofNullable(alert(m, "DUES_ARREARS"))).get("id").asString();
    as(
            secretaryOf(branchB),
            post("/api/alerts/" + id + "/dismiss")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"误报\"}"))
        .andExpect(status().isUnprocessableEntity());
    as(
            secretaryOf(town),
            post("/api/alerts/" + id + "/dismiss")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").exists());
    as(
            admin,
            post("/api/alerts/" + id + "/dismiss")
                .header("If-Match", version(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"该党员经批准长期外出，已按流动党员管理\"}"))
        .andExpect(jsonPath("$.status").value("DISMISSED"));
  }

  @Test
  void badFiltersAreAClearProblemAndTheCatalogueIsReadable() throws Exception {
    as(admin, get("/api/alerts").param("ruleId", "NO_SUCH_RULE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("没有编号为 NO_SUCH_RULE 的预警规则"));
    as(admin, get("/api/alerts").param("raisedFrom", "2026-13-01"))
        .andExpect(status().isBadRequest());
    as(admin, get("/api/alerts").param("severity", "LOUD")).andExpect(status().isBadRequest());
    as(admin, get("/api/alerts").param("sort", "-title"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rule").value("invalid-sort"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "不能按“title”排序；可用的排序字段：deadline, raisedAt, severity, status, updatedAt（字段前加 - 表示降序）"));
    as(
            admin,
            post("/api/alerts/sweeps")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"asOf\":\"x\"}"))
        .andExpect(status().isBadRequest());
    as(
            secretaryOf(branchA),
            post("/api/alerts/sweeps")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"asOf\":\"2026-11-30\"}"))
        .andExpect(status().isForbidden());
    as(secretaryOf(branchA), get("/api/alerts/rules"))
        .andExpect(jsonPath("$[0].id").value("MEMBER_ABSENT_ORG_LIFE"))
        .andExpect(jsonPath("$[0].name").value("党员连续未参加组织生活"))
        .andExpect(jsonPath("$[0].levels.NOTICE").value(3))
        .andExpect(jsonPath("$[0].levels.SERIOUS").value(6));
  }

  @Test
  void exportIsACsvOfMySubtreeWithChineseHeaders() throws Exception {
    UUID m = member(branchA);
    arrears(m, branchA, 3, "2026-08", 4500);
    await(() -> Optional.ofNullable(alert(m, "DUES_ARREARS")));
    var started =
        as(secretaryOf(branchA), get("/api/alerts/export").param("ruleId", "DUES_ARREARS"))
            .andExpect(status().isOk())
            .andReturn();
    String csv =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                    started))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF预警编号,规则,级别").contains("党员连续未交纳党费").contains(",提示,");
    String other =
        as(secretaryOf(branchB), get("/api/alerts/export"))
            .andReturn()
            .getResponse()
            .getHeader("X-Total-Count");
    assertThat(other).isEqualTo("0");
  }
}
