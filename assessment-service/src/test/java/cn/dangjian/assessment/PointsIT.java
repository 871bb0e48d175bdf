package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventEnvelope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class PointsIT extends ApiTestSupport {

  private static final LocalDate DAY = LocalDate.of(2026, 10, 15);

  private JsonNode ledger(String token, UUID member) throws Exception {
    return read(
        getUrl(token, "/api/assessments/points/members/" + member + "?year=2026")
            .andExpect(status().isOk()));
  }

  @Test
  void pointsForOneActionStopAtItsDailyCap() throws Exception {
    List<UUID> m = formalMembers(branchA, 2);
    UUID member = m.get(0);
    // attendance earns 2 a meeting, at most 4 a day: the third meeting of the day earns nothing
    List<EventEnvelope<Object>> sent = new ArrayList<>();
    sent.add(
        approvedMeeting(branchA, "COMMITTEE_MEETING", DAY, List.of(member), List.of(m.get(1))));
    sent.add(approvedMeeting(branchA, "PARTY_LECTURE", DAY, List.of(member), List.of(m.get(1))));
    sent.add(approvedMeeting(branchA, "THEMED_PARTY_DAY", DAY, List.of(member), List.of(m.get(1))));
    sent.add(
        approvedMeeting(branchA, "THEMED_PARTY_DAY", DAY.plusDays(1), List.of(member), List.of()));
    sent.forEach(this::awaitProcessed);

    JsonNode ledger = ledger(admin, member);
    List<Double> attendance = new ArrayList<>();
    ledger.get("entries").forEach(e -> attendance.add(e.get("points").asDouble()));
    assertThat(attendance).containsExactly(2.0, 2.0, 2.0);
    assertThat(ledger.get("total").asDouble()).isEqualTo(6.0);
    assertThat(ledger.get("entries").get(0).get("sourceEventId").asString())
        .isEqualTo(sent.get(0).eventId().toString());
    assertThat(ledger.get("entries").get(0).get("sourceRef").asString()).startsWith("meeting:");

    // unexcused absences deduct 3 each, at most 6 a day
    JsonNode absent = ledger(admin, m.get(1));
    assertThat(absent.get("total").asDouble()).isEqualTo(-6.0);

    // a redelivered event credits nothing twice
    FEED.sendRaw(
        cn.dangjian.events.Topics.ORGLIFE_EVENTS,
        sent.get(0).subjectId(),
        json.writeValueAsBytes(sent.get(0)));
    awaitProcessed(
        approvedMeeting(branchA, "THEMED_PARTY_DAY", DAY.plusDays(2), List.of(), List.of()));
    assertThat(ledger(admin, member).get("total").asDouble()).isEqualTo(6.0);

    JsonNode awarded =
        awaitAssessmentEvent(
            e ->
                e.get("type").asString().equals("assessment.points-awarded")
                    && e.get("subjectId").asString().equals(member.toString()));
    assertThat(awarded).isNotNull();
    assertThat(awarded.get("payload").get("action").asString()).isEqualTo("ATTENDANCE");
  }

  @Test
  void rankingsOffMeansNoRankingEndpointAnswers() throws Exception {
    List<UUID> m = formalMembers(branchA, 2);
    awaitProcessed(approvedMeeting(branchA, "COMMITTEE_MEETING", DAY, m, List.of()));
    String url = "/api/assessments/points/orgs/" + township + "/ranking?year=2026";
    // off by default (the 2023 policy against 指尖上的形式主义)
    getUrl(admin, url)
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("该组织已关闭党员积分排名（落实整治“指尖上的形式主义”要求），不提供任何排名"));
    // totals per branch still answer: they do not rank people
    getUrl(admin, "/api/assessments/points/orgs/" + township + "/branch-totals?year=2026")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].orgName").value("第一党支部"))
        .andExpect(jsonPath("$[0].total").value(4.0));

    switchPoints(admin, township, Map.of("pointsEnabled", true, "rankingEnabled", true))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rankingEnabled").value(true));
    getUrl(admin, url).andExpect(status().isOk()).andExpect(jsonPath("$[0].rank").value(1));

    // a branch below switches it off again for itself
    switchPoints(
            secretaryOf(branchA), branchA, Map.of("pointsEnabled", true, "rankingEnabled", false))
        .andExpect(status().isOk());
    getUrl(admin, "/api/assessments/points/orgs/" + branchA + "/ranking?year=2026")
        .andExpect(status().isForbidden());
    getUrl(secretaryOf(branchA), "/api/assessments/points/orgs/" + branchA + "/ranking?year=2026")
        .andExpect(status().isForbidden());
  }

  @Test
  void pointsOffMeansNothingIsRecorded() throws Exception {
    List<UUID> m = formalMembers(branchB, 1);
    switchPoints(admin, branchB, Map.of("pointsEnabled", false, "rankingEnabled", true))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rankingEnabled").value(false));
    awaitProcessed(approvedMeeting(branchB, "COMMITTEE_MEETING", DAY, m, List.of()));
    Integer entries =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM points_entry WHERE member_id = ?",
            Integer.class,
            cn.dangjian.platform.persistence.Uuids.bytes(m.get(0)));
    assertThat(entries).isZero();
    getUrl(admin, "/api/assessments/points/members/" + m.get(0) + "?year=2026")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("该组织未开启党员积分"));
  }

  @Test
  void volunteerServiceCountsOnceAnotherPersonApprovedIt() throws Exception {
    UUID member = formalMembers(branchA, 1).get(0);
    String secretary = secretaryOf(township);
    JsonNode v =
        read(
            postJson(
                    secretary,
                    "/api/assessments/points/volunteer",
                    Map.of(
                        "memberId",
                        member.toString(),
                        "servedOn",
                        DAY.toString(),
                        "hours",
                        3,
                        "description",
                        "社区网格志愿服务"))
                .andExpect(status().isCreated()));
    String id = v.get("id").asString();
    assertThat(ledger(admin, member).get("entries")).isEmpty();
    as(secretary, post("/api/assessments/points/volunteer/" + id + "/approve"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("approver-is-not-enterer"));
    as(worker, post("/api/assessments/points/volunteer/" + id + "/approve"))
        .andExpect(status().isForbidden());
    as(admin, post("/api/assessments/points/volunteer/" + id + "/approve"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
    JsonNode ledger = ledger(admin, member);
    assertThat(ledger.get("entries").get(0).get("action").asString())
        .isEqualTo("VOLUNTEER_SERVICE");
    assertThat(ledger.get("total").asDouble()).isEqualTo(3.0);
    // a member reads its own ledger, not another's
    String self = KEYCLOAK.token().roles("member").memberId(member).username("self").build();
    getUrl(self, "/api/assessments/points/members/" + member + "?year=2026")
        .andExpect(status().isOk());
    UUID other = formalMembers(branchA, 1).get(0);
    getUrl(self, "/api/assessments/points/members/" + other + "?year=2026")
        .andExpect(status().isNotFound());
  }

  @Test
  void aSwitchOrRuleChangedMeanwhileByAnotherOfficerIsRefusedNotOverwritten() throws Exception {
    String url = "/api/assessments/points/settings/" + branchB;
    String seen = etag(getUrl(admin, url).andExpect(status().isOk()));
    putJson(admin, url, Map.of("pointsEnabled", true, "rankingEnabled", false), seen)
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    // a second officer still holding the first read
    putJson(admin, url, Map.of("pointsEnabled", false, "rankingEnabled", false), seen)
        .andExpect(status().isPreconditionFailed());
    putJson(admin, url, Map.of("pointsEnabled", false, "rankingEnabled", false))
        .andExpect(status().isPreconditionRequired());
    getUrl(admin, url).andExpect(jsonPath("$.pointsEnabled").value(true));

    String rule = "/api/assessments/points/rules/VOLUNTEER_SERVICE";
    JsonNode rules = read(getUrl(admin, "/api/assessments/points/rules"));
    long version = 0;
    for (JsonNode r : rules) {
      if (r.path("action").asString().equals("VOLUNTEER_SERVICE")) {
        version = r.path("version").asLong();
      }
    }
    Map<String, Object> change = Map.of("points", 1.5, "dailyCap", 8.0, "enabled", true);
    putJson(admin, rule, change, "\"" + version + "\"")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.points").value(1.5))
        .andExpect(jsonPath("$.version").value(version + 1));
    putJson(
            admin,
            rule,
            Map.of("points", 9.0, "dailyCap", 8.0, "enabled", true),
            "\"" + version + "\"")
        .andExpect(status().isPreconditionFailed());
    // put back what the other tests expect
    putJson(
            admin,
            rule,
            Map.of("points", 1.0, "dailyCap", 8.0, "enabled", true),
            "\"" + (version + 1) + "\"")
        .andExpect(status().isOk());
  }

  /** Reads the org's own switch version and changes it, as the console does. */
  private org.springframework.test.web.servlet.ResultActions switchPoints(
      String token, UUID org, Map<String, Object> body) throws Exception {
    String url = "/api/assessments/points/settings/" + org;
    return putJson(token, url, body, etag(getUrl(token, url).andExpect(status().isOk())));
  }
}
