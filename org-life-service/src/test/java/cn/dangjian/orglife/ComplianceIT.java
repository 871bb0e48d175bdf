package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommitteeChanged;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class ComplianceIT extends ApiTestSupport {

  private JsonNode plan(UUID org, String period) throws Exception {
    return read(
        as(worker, get("/api/org-life/compliance/orgs/" + org).param("period", period))
            .andExpect(status().isOk()));
  }

  private static List<String> types(JsonNode plan) {
    List<String> t = new ArrayList<>();
    plan.get("items").forEach(i -> t.add(i.get("meetingType").asString()));
    return t;
  }

  @Test
  void frequencyPerTypeAPastMonthWithoutMeetingsIsMissingAndShowsInTheSummaryGaps()
      throws Exception {
    YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
    JsonNode p = plan(branchA, last.toString());
    for (JsonNode item : p.get("items")) {
      String type = item.get("meetingType").asString();
      String expected =
          switch (item.get("unit").asString()) {
            case "MONTH" -> "MISSING";
            default ->
                item.get("to")
                            .asString()
                            .compareTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())
                        < 0
                    ? "MISSING"
                    : "OPEN";
          };
      assertThat(item.get("status").asString()).as(type).isEqualTo(expected);
    }
    JsonNode summary =
        read(
            as(
                    worker,
                    get("/api/org-life/compliance/summary")
                        .param("orgId", committee.toString())
                        .param("period", last.toString()))
                .andExpect(status().isOk()));
    assertThat(summary.get("orgsWithGaps").asInt()).isEqualTo(2);
    assertThat(summary.get("gaps").get(0).get("missing").toString())
        .contains("COMMITTEE_MEETING " + last);
  }

  @Test
  void frequencyPerTypeABranchWithoutACommitteeOwesNoCommitteeMeeting() throws Exception {
    FEED.send(
        EventTypes.COMMITTEE_CHANGED,
        branchB.toString(),
        FEED.pathOf(branchB),
        new CommitteeChanged(
            branchB,
            UUID.randomUUID(),
            LocalDate.of(2024, 3, 1),
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 3, 1),
            UUID.randomUUID(),
            null,
            1));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM org_secretary WHERE org_id = ?",
                        Integer.class,
                        (Object) cn.dangjian.platform.persistence.Uuids.bytes(branchB))
                    > 0);
    String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    assertThat(types(plan(branchB, month)))
        .doesNotContain("COMMITTEE_MEETING")
        .contains("THEMED_PARTY_DAY");
    assertThat(types(plan(branchA, month))).contains("COMMITTEE_MEETING");
  }

  @Test
  void frequencyRequirementsAreConfigurableByThePlatformAdminOnly() throws Exception {
    // BRANCH/PARTY_LECTURE's current version
    long version = -1;
    for (JsonNode r : read(as(admin, get("/api/org-life/compliance/requirements")))) {
      if (r.get("orgType").asString().equals("BRANCH")
          && r.get("meetingType").asString().equals("PARTY_LECTURE")) {
        version = r.get("version").asLong();
      }
    }
    String body =
        json.writeValueAsString(
            Map.of("unit", "QUARTER", "minCount", 1, "enabled", true, "basis", "省委规定每季度一次"));
    as(
            worker,
            put("/api/org-life/compliance/requirements/BRANCH/PARTY_LECTURE")
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    try {
      JsonNode changed =
          read(
              as(
                      admin,
                      put("/api/org-life/compliance/requirements/BRANCH/PARTY_LECTURE")
                          .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                          .contentType(MediaType.APPLICATION_JSON)
                          .content(body))
                  .andExpect(status().isOk()));
      assertThat(changed.get("unit").asString()).isEqualTo("QUARTER");
      JsonNode p =
          plan(branchA, String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()));
      long lectureUnits = types(p).stream().filter("PARTY_LECTURE"::equals).count();
      assertThat(lectureUnits).isEqualTo(4);
      // a stale version is refused
      as(
              admin,
              put("/api/org-life/compliance/requirements/BRANCH/PARTY_LECTURE")
                  .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body))
          .andExpect(status().isPreconditionFailed());
      version = changed.get("version").asLong();
    } finally {
      as(
          admin,
          put("/api/org-life/compliance/requirements/BRANCH/PARTY_LECTURE")
              .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
              .contentType(MediaType.APPLICATION_JSON)
              .content(
                  json.writeValueAsString(Map.of("unit", "YEAR", "minCount", 1, "enabled", true))));
    }
  }
}
