package cn.dangjian.devstack;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A year of the demo branches' life, so a new console has something to show: branch one holds a
 * themed party day every month and a members' meeting and a party lecture every quarter, each
 * recorded, submitted and approved; branch two met twice, so the 三会一课 rules warn about it. Dues are
 * assessed half a year back, billed monthly and paid — except by one member of branch two, whose
 * arrears the dues rule raises. A sweep as of today turns all that into alerts. Entered through the
 * public API today, so the records of past meetings carry the formalism check's late-entry flag, as
 * any 补录 would. Loaded once: a branch that already has meetings is left alone.
 */
final class DemoHistory {

  /** The member of branch two who stops paying. */
  static final String IN_ARREARS = "刘芳";

  private final DemoApi api;
  private final String token;
  private final String reviewerToken;
  private final LocalDate today;

  /**
   * @param token who plans and records (the platform admin)
   * @param reviewerToken who approves: the superior org's party worker (a recorder may not review)
   */
  DemoHistory(DemoApi api, String token, String reviewerToken, LocalDate today) {
    this.api = api;
    this.token = token;
    this.reviewerToken = reviewerToken;
    this.today = today;
  }

  void load(String town, String branchA, String branchB) {
    if (api.call(token, "GET", "/api/org-life/meetings?size=1&orgId=" + branchA, null, 200)
            .path("total")
            .asLong()
        > 0) {
      return;
    }
    List<JsonNode> members = new ArrayList<>();
    for (String branch : List.of(branchA, branchB)) {
      api.call(token, "GET", "/api/members?size=50&orgId=" + branch, null, 200)
          .path("items")
          .forEach(members::add);
    }
    dues(town, members);
    for (int monthsAgo = 12; monthsAgo >= 1; monthsAgo--) {
      YearMonth month = YearMonth.from(today).minusMonths(monthsAgo);
      meeting(branchA, "THEMED_PARTY_DAY", month.atDay(10), "主题党日");
      if (monthsAgo % 3 == 1) {
        meeting(branchA, "BRANCH_GENERAL_MEETING", month.atDay(15), "支部党员大会");
        meeting(branchA, "PARTY_LECTURE", month.atDay(20), "党课");
      }
      if (monthsAgo == 8 || monthsAgo == 2) {
        meeting(branchB, "THEMED_PARTY_DAY", month.atDay(12), "主题党日");
      }
    }
    // the consumers learn meetings and payments from events: sweep once they have
    for (int attempt = 0; attempt < 30; attempt++) {
      api.job(token, "/api/alerts/sweeps", Map.of("asOf", today.toString()));
      if (api.call(token, "GET", "/api/alerts?size=1&orgId=" + branchB, null, 200)
              .path("total")
              .asLong()
          > 0) {
        return;
      }
      pause();
    }
  }

  private void dues(String town, List<JsonNode> members) {
    YearMonth first = YearMonth.from(today).minusMonths(5);
    List<JsonNode> payers = new ArrayList<>();
    for (JsonNode member : members) {
      String stage = member.path("stage").asString();
      if (!stage.equals("FULL") && !stage.equals("PROBATIONARY")) {
        continue;
      }
      Map<String, Object> profile = new LinkedHashMap<>();
      profile.put("memberId", member.path("id").asString());
      profile.put("effectiveMonth", first.toString());
      switch (member.path("duesCategory").asString()) {
        case "FARMER" -> profile.put("fixedFen", 50);
        case "RETIRED" -> profile.put("baseFen", 450000);
        default -> profile.put("baseFen", 680000);
      }
      // dues-service learns new members from member.events: retry until it has
      retry("POST", "/api/dues/profiles", profile, 201);
      payers.add(member);
    }
    for (YearMonth month = first;
        !month.isAfter(YearMonth.from(today));
        month = month.plusMonths(1)) {
      api.job(token, "/api/dues/bills/runs", Map.of("month", month.toString(), "orgId", town));
    }
    for (JsonNode member : payers) {
      int paidMonths = IN_ARREARS.equals(member.path("name").asString()) ? 2 : 6;
      List<String> months = new ArrayList<>();
      for (int i = 0; i < paidMonths; i++) {
        months.add(first.plusMonths(i).toString());
      }
      api.send(
          token,
          "POST",
          "/api/dues/payments",
          Map.of(
              "memberId",
              member.path("id").asString(),
              "channel",
              "OFFLINE",
              "months",
              months,
              "receiptNo",
              // the random tail of the UUIDv7 (its head is a timestamp the members share)
              "DEMO-" + member.path("id").asString().substring(24)),
          Map.of("Idempotency-Key", "demo-dues-" + member.path("id").asString()),
          201);
    }
  }

  private void meeting(String branch, String type, LocalDate on, String name) {
    String start = on + "T14:30:00+08:00";
    String end = on + "T16:00:00+08:00";
    String title = on.getYear() + "年" + on.getMonthValue() + "月" + name;
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("orgId", branch);
    plan.put("type", type);
    plan.put("title", title);
    plan.put("startsAt", start);
    plan.put("endsAt", end);
    plan.put("place", "党员活动室");
    plan.put("notice", "请全体党员准时参加");
    JsonNode planned = retry("POST", "/api/org-life/meetings", plan, 201);
    String id = planned.path("id").asString();
    DemoApi.Answer read =
        api.send(token, "GET", "/api/org-life/meetings/" + id, null, Map.of(), 200);
    List<String> expected = new ArrayList<>();
    read.body().path("attendance").forEach(a -> expected.add(a.path("memberId").asString()));
    if (expected.isEmpty()) {
      return; // nobody was a member yet: a plan without a record
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("title", title);
    record.put("startsAt", start);
    record.put("endsAt", end);
    record.put("place", "党员活动室");
    record.put("hostMemberId", expected.get(0));
    record.put("recorderMemberId", expected.get(expected.size() - 1));
    record.put("agenda", "学习" + on.getMonthValue() + "月理论学习材料；研究本支部当月工作");
    record.put("minutes", title + "：传达学习上级会议精神，党员逐一发言，结合" + on.getMonthValue() + "月工作查找不足并明确整改措施。");
    record.put("theme", on.getMonthValue() + "月主题：坚定理想信念");
    record.put("lecturer", "支部书记");
    record.put("topic", "学习贯彻党的创新理论");
    record.put("attendees", expected);
    record.put("absentees", List.of());
    String etag =
        write(token, "PUT", "/api/org-life/meetings/" + id + "/record", record, read.etag());
    etag = write(token, "POST", "/api/org-life/meetings/" + id + "/submit", null, etag);
    write(
        reviewerToken,
        "POST",
        "/api/org-life/meetings/" + id + "/approve",
        Map.of("comment", "记录完整"),
        etag);
  }

  private String write(String as, String method, String path, Object body, String etag) {
    return api.send(as, method, path, body, Map.of("If-Match", etag), 200).etag();
  }

  /** A write that needs what another service has yet to learn from events (404/422 meanwhile). */
  private JsonNode retry(String method, String path, Object body, int expected) {
    DemoApi.Answer answer = null;
    for (int attempt = 0; attempt < 60; attempt++) {
      answer = api.send(token, method, path, body, Map.of());
      if (answer.status() == expected) {
        return answer.body();
      }
      if (answer.status() != 404 && answer.status() != 422) {
        break;
      }
      pause();
    }
    throw DemoApi.unexpected(method, path, answer);
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
