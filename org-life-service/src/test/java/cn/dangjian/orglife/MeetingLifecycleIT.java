package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class MeetingLifecycleIT extends ApiTestSupport {

  private static LocalDateTime daysAgo(int days) {
    return LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
        .minusDays(days)
        .withHour(9)
        .truncatedTo(ChronoUnit.HOURS);
  }

  @Test
  void aCommitteeMeetingIsRecordedApprovedByTheSuperiorOrgAndCoversItsMonth() throws Exception {
    List<UUID> committeeMembers = formalMembers(branchA, 3);
    LocalDateTime at = daysAgo(1);
    Planned p = plan(worker, branchA, "COMMITTEE_MEETING", at, committeeMembers);
    Map<String, Object> body =
        recordBody(
            at,
            committeeMembers.subList(0, 2),
            committeeMembers.subList(2, 3),
            minutes("本次支委会研究了十一月份党员教育工作。"),
            List.of(resolution(2, 0, 0)));
    String etag = heldAndSubmitted(worker, p, body);

    // the recorder cannot approve their own record; the branch cannot approve itself
    step(worker, p.id(), "approve", etag, Map.of())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("reviewer-is-not-the-recorder"));
    step(secretaryOf(branchA), p.id(), "approve", etag, Map.of())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("review-by-the-superior-org"));
    JsonNode approved =
        read(
            step(admin, p.id(), "approve", etag, Map.of("comment", "记录规范"))
                .andExpect(status().isOk()));
    assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
    assertThat(approved.get("expectedCount").asInt()).isEqualTo(3);
    assertThat(approved.get("actualCount").asInt()).isEqualTo(2);
    assertThat(approved.get("resolutions").get(0).get("entitled").asInt()).isEqualTo(3);

    String month = YearMonth.from(at).toString();
    JsonNode plan =
        read(
            as(
                    secretaryOf(branchA),
                    get("/api/org-life/compliance/orgs/" + branchA).param("period", month))
                .andExpect(status().isOk()));
    JsonNode committeeItem = item(plan, "COMMITTEE_MEETING");
    assertThat(committeeItem.get("status").asString()).isEqualTo("MET");
    assertThat(committeeItem.get("approvedMeetingIds").get(0).asString())
        .isEqualTo(p.id().toString());

    JsonNode summary =
        read(
            as(
                    worker,
                    get("/api/org-life/compliance/summary")
                        .param("orgId", committee.toString())
                        .param("period", month))
                .andExpect(status().isOk()));
    assertThat(summary.get("orgs").asInt()).isEqualTo(2);
    JsonNode committeeType = null;
    for (JsonNode t : summary.get("byType")) {
      if (t.get("meetingType").asString().equals("COMMITTEE_MEETING")) {
        committeeType = t;
      }
    }
    assertThat(committeeType.get("met").asInt()).isEqualTo(1);

    // another branch cannot see it, neither by id nor in its lists
    getMeeting(secretaryOf(branchB), p.id()).andExpect(status().isNotFound());
    as(secretaryOf(branchB), get("/api/org-life/meetings"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    as(secretaryOf(branchB), get("/api/org-life/compliance/orgs/" + branchA).param("period", month))
        .andExpect(status().isNotFound());

    // the absent member's history shows the absence with its reason; the month is not attended
    JsonNode history =
        read(
            as(worker, get("/api/org-life/attendance/members/" + committeeMembers.get(2)))
                .andExpect(status().isOk()));
    JsonNode entry = history.get("meetings").get(0);
    assertThat(entry.get("present").asBoolean()).isFalse();
    assertThat(entry.get("absenceReason").asString()).isEqualTo("ILLNESS");
    assertThat(history.get("consecutiveMonthsAbsent").asInt()).isGreaterThanOrEqualTo(1);
    JsonNode present =
        read(as(worker, get("/api/org-life/attendance/members/" + committeeMembers.get(0))));
    boolean attendedThatMonth = false;
    for (JsonNode mo : present.get("months")) {
      if (mo.get("month").asString().equals(month)) {
        attendedThatMonth = mo.get("attended").asBoolean();
      }
    }
    assertThat(attendedThatMonth).isTrue();
    as(secretaryOf(branchB), get("/api/org-life/attendance/members/" + committeeMembers.get(0)))
        .andExpect(status().isNotFound());

    // the approval event carries org, type, date, attendees and absentees with reasons
    String event =
        jdbc.queryForObject(
            "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ? AND"
                + " serialized_event LIKE ?",
            String.class,
            "%orglife.meeting-approved%",
            "%" + p.id() + "%");
    assertThat(event)
        .contains(branchA.toString())
        .contains("COMMITTEE_MEETING")
        .contains(committeeMembers.get(0).toString())
        .contains("\"reason\":\"ILLNESS\"");
  }

  @Test
  void meetingTimesAreInstantsAcceptedInAnyOffsetAndAnsweredInBeijingTime() throws Exception {
    // a browser's toISOString() sends UTC: 06:30Z is the branch's 14:30, not 06:30
    formalMembers(branchA, 3);
    LocalDateTime beijing = daysAgo(-5).withHour(14).withMinute(30);
    String utc = beijing.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString();
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("orgId", branchA.toString());
    body.put("type", "BRANCH_GENERAL_MEETING");
    body.put("title", "时区");
    body.put("startsAt", utc);
    body.put(
        "endsAt",
        beijing
            .plusMinutes(90)
            .atZone(ZoneId.of("Asia/Shanghai"))
            .toOffsetDateTime()
            .withOffsetSameInstant(java.time.ZoneOffset.ofHours(1))
            .toString());
    body.put("place", "党员活动室");
    JsonNode created =
        read(
            as(
                    worker,
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                            "/api/org-life/meetings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()));
    assertThat(created.get("startsAt").asString()).isEqualTo(beijing + ":00+08:00");
    assertThat(created.get("endsAt").asString()).isEqualTo(beijing.plusMinutes(90) + ":00+08:00");
    // the same instant read back, and the no-offset form still means Beijing time
    as(worker, get("/api/org-life/meetings/" + id(created)))
        .andExpect(jsonPath("$.startsAt").value(beijing + ":00+08:00"));
    Planned local = plan(worker, branchA, "BRANCH_GENERAL_MEETING", beijing, null);
    as(worker, get("/api/org-life/meetings/" + local.id()))
        .andExpect(jsonPath("$.startsAt").value(beijing + ":00+08:00"));
    body.put("startsAt", "next tuesday");
    as(
            worker,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/org-life/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isBadRequest())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .as("the problem names the field")
                    .contains("startsAt"));
  }

  @Test
  void meetingsPlannedAtTheSameTimeInOneBranchAreAllCreated() throws Exception {
    // seen under load: every new meeting's attendance DELETE locked the same index gap, so
    // concurrent plans deadlocked and answered 500
    formalMembers(branchA, 12);
    LocalDateTime at = daysAgo(-3);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Planned>> plans = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        plans.add(pool.submit(() -> plan(worker, branchA, "BRANCH_GENERAL_MEETING", at, null)));
      }
      for (Future<Planned> planned : plans) {
        assertThat(planned.get().id()).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void quorumCountsOnlyMembersWithVotingRightsSoProbationaryMembersAttendWithoutVoting()
      throws Exception {
    List<UUID> formal = formalMembers(branchA, 5);
    UUID p1 = probationaryMember(branchA);
    UUID p2 = probationaryMember(branchA);
    LocalDateTime at = daysAgo(2);
    Planned p = plan(worker, branchA, "BRANCH_GENERAL_MEETING", at, null);

    // 4 of 7 people came, but only 2 of the 5 with voting rights: not quorate for a vote
    Map<String, Object> thin =
        recordBody(
            at,
            List.of(formal.get(0), formal.get(1), p1, p2),
            formal.subList(2, 5),
            minutes("党员大会"),
            List.of(resolution(2, 0, 0)));
    record(worker, p, thin)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("meeting-needs-more-than-half-present"));

    Map<String, Object> quorate =
        recordBody(
            at,
            List.of(formal.get(0), formal.get(1), formal.get(2), p1),
            List.of(formal.get(3), formal.get(4), p2),
            minutes("党员大会"),
            List.of(resolution(3, 0, 0)));
    JsonNode held = read(record(worker, p, quorate).andExpect(status().isOk()));
    assertThat(held.get("expectedCount").asInt()).isEqualTo(7);
    assertThat(held.get("votingEntitled").asInt()).isEqualTo(5);
    for (JsonNode a : held.get("attendance")) {
      boolean probationary =
          a.get("memberId").asString().equals(p1.toString())
              || a.get("memberId").asString().equals(p2.toString());
      assertThat(a.get("canVote").asBoolean()).isEqualTo(!probationary);
    }
  }

  @Test
  void aResolutionNeedsMoreThanHalfOfThoseEntitledNotOfThosePresent() throws Exception {
    List<UUID> formal = formalMembers(branchA, 5);
    LocalDateTime at = daysAgo(2);
    Planned p = plan(worker, branchA, "BRANCH_GENERAL_MEETING", at, null);
    // 3 of 5 present; 2 approvals are a majority of those present but not of the 5 entitled
    record(
            worker,
            p,
            recordBody(
                at,
                formal.subList(0, 3),
                formal.subList(3, 5),
                minutes("表决"),
                List.of(resolution(2, 1, 0))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("resolution-needs-more-than-half-of-entitled-members"));
    record(
            worker,
            p,
            recordBody(
                at,
                formal.subList(0, 3),
                formal.subList(3, 5),
                minutes("表决"),
                List.of(resolution(3, 0, 0))))
        .andExpect(status().isOk());
  }

  @Test
  void everyExpectedAttendeeIsEitherPresentOrAbsentWithAReason() throws Exception {
    List<UUID> formal = formalMembers(branchA, 4);
    LocalDateTime at = daysAgo(2);
    Planned p = plan(worker, branchA, "THEMED_PARTY_DAY", at, null);
    record(worker, p, recordBody(at, formal.subList(0, 3), List.of(), minutes("主题党日"), List.of()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("attendance-must-cover-every-expected-attendee"))
        .andExpect(jsonPath("$.detail").value("还有 1 名应到人员既未列为出席也未列为缺席"));
    // a branch meeting's roster comes from the register, not from the client
    as(
            worker,
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/org-life/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "orgId", branchA.toString(),
                            "type", "BRANCH_GENERAL_MEETING",
                            "title", "x",
                            "startsAt", at.toString(),
                            "endsAt", at.plusHours(1).toString(),
                            "expectedMemberIds", List.of(formal.get(0).toString())))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("roster-comes-from-the-register"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The expected")));
  }

  @Test
  void writesNeedTheCurrentVersionInIfMatch() throws Exception {
    List<UUID> formal = formalMembers(branchA, 3);
    LocalDateTime at = daysAgo(2);
    Planned p = plan(worker, branchA, "ORG_LIFE_MEETING", at, null);
    Map<String, Object> body = recordBody(at, formal, List.of(), minutes("组织生活会"), List.of());
    as(
            worker,
            put("/api/org-life/meetings/" + p.id() + "/record")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isPreconditionRequired());
    as(
            worker,
            put("/api/org-life/meetings/" + p.id() + "/record")
                .header(HttpHeaders.IF_MATCH, "\"99\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isPreconditionFailed());
    getMeeting(worker, p.id()).andExpect(jsonPath("$.status").value("PLANNED"));
  }

  @Test
  void aCorrectionAfterApprovalIsANewAuditedVersionThatCountsOnlyOnceReapproved() throws Exception {
    List<UUID> formal = formalMembers(branchA, 3);
    LocalDateTime at = daysAgo(3);
    Planned p = plan(worker, branchA, "PARTY_LECTURE", at, null);
    Map<String, Object> body =
        recordBody(at, formal.subList(0, 2), formal.subList(2, 3), minutes("党课"), List.of());
    String etag = heldAndSubmitted(worker, p, body);
    etag = etag(step(admin, p.id(), "approve", etag, null).andExpect(status().isOk()));
    assertThat(countFor(branchA, "PARTY_LECTURE")).isEqualTo(1);

    Map<String, Object> corrected =
        recordBody(at, formal, List.of(), minutes("党课（补正：第三名党员实际出席）"), List.of());
    JsonNode v1 =
        read(
            step(
                    worker,
                    p.id(),
                    "corrections",
                    etag,
                    Map.of("reason", "漏记出席人员", "record", corrected))
                .andExpect(status().isOk()));
    assertThat(v1.get("recordVersion").asInt()).isEqualTo(1);
    assertThat(v1.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(v1.get("actualCount").asInt()).isEqualTo(3);
    assertThat(countFor(branchA, "PARTY_LECTURE")).isZero();

    JsonNode revisions = read(as(worker, get("/api/org-life/meetings/" + p.id() + "/revisions")));
    assertThat(revisions).hasSize(1);
    assertThat(revisions.get(0).get("recordVersion").asInt()).isZero();
    assertThat(revisions.get(0).get("reason").asString()).isEqualTo("漏记出席人员");
    assertThat(revisions.get(0).get("snapshot").asString()).contains("\"actualCount\":2");

    step(admin, p.id(), "approve", etag(getMeeting(admin, p.id())), null)
        .andExpect(status().isOk());
    assertThat(countFor(branchA, "PARTY_LECTURE")).isEqualTo(1);
  }

  @Test
  void copyPastedMinutesAreFlaggedWithTheEarlierRecordAsEvidence() throws Exception {
    List<UUID> a = formalMembers(branchA, 3);
    List<UUID> b = formalMembers(branchB, 3);
    String text = minutes("围绕“学思想、强党性、重实践、建新功”开展专题学习研讨。");
    Planned first = plan(worker, branchA, "THEMED_PARTY_DAY", daysAgo(3), null);
    heldAndSubmitted(worker, first, recordBody(daysAgo(3), a, List.of(), text, List.of()));

    // the sibling branch copies the minutes, changing only the date line
    Planned copy = plan(worker, branchB, "THEMED_PARTY_DAY", daysAgo(2), null);
    heldAndSubmitted(
        worker, copy, recordBody(daysAgo(2), b, List.of(), "十一月主题党日。" + text, List.of()));
    JsonNode flagged = read(getMeeting(worker, copy.id()));
    JsonNode dup = null;
    for (JsonNode f : flagged.get("flags")) {
      if (f.get("kind").asString().equals("DUPLICATE_MINUTES")) {
        dup = f;
      }
    }
    assertThat(dup).as("a duplicate-minutes flag").isNotNull();
    assertThat(dup.get("relatedMeetingId").asString()).isEqualTo(first.id().toString());
    assertThat(dup.get("similarity").asDouble()).isGreaterThan(0.8);
    assertThat(dup.get("evidence").asString()).contains(first.id().toString());
    assertThat(flagged.get("status").asString()).isEqualTo("SUBMITTED");

    // minutes written for the meeting are not flagged
    Planned own = plan(worker, branchB, "ORG_LIFE_MEETING", daysAgo(1), null);
    heldAndSubmitted(
        worker,
        own,
        recordBody(
            daysAgo(1),
            b,
            List.of(),
            "本次组织生活会对照检查材料逐一发言，开展批评与自我批评。张同志指出李同志在群众工作中方法简单，"
                + "李同志诚恳接受并表示在下月社区走访中改进；支部确定了三项整改措施和完成时限。",
            List.of()));
    JsonNode clean = read(getMeeting(worker, own.id()));
    for (JsonNode f : clean.get("flags")) {
      assertThat(f.get("kind").asString()).isNotEqualTo("DUPLICATE_MINUTES");
    }
  }

  private int countFor(UUID org, String type) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(held), 0) FROM compliance_count WHERE org_id = ? AND meeting_type"
                + " = ?",
            Integer.class,
            cn.dangjian.platform.persistence.Uuids.bytes(org),
            type);
    return n == null ? 0 : n;
  }

  private static JsonNode item(JsonNode plan, String type) {
    for (JsonNode i : plan.get("items")) {
      if (i.get("meetingType").asString().equals(type)) {
        return i;
      }
    }
    throw new AssertionError("no item for " + type);
  }
}
