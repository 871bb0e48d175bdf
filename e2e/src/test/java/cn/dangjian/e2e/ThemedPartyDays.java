package cn.dangjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.e2e.Api.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A 主题党日 as a branch holds it: planned, recorded and submitted by its secretary, approved above.
 */
final class ThemedPartyDays {

  private ThemedPartyDays() {}

  static void held(
      Api api,
      String admin,
      String secretary,
      UUID branch,
      UUID host,
      UUID recorder,
      LocalDateTime starts,
      List<UUID> attendees,
      List<UUID> absentees) {
    held(api, admin, secretary, branch, host, recorder, starts, attendees, absentees, List.of());
  }

  /** The same, with guests (列席: 流动党员 the branch hosts, visitors), who have no vote. */
  static void held(
      Api api,
      String admin,
      String secretary,
      UUID branch,
      UUID host,
      UUID recorder,
      LocalDateTime starts,
      List<UUID> attendees,
      List<UUID> absentees,
      List<UUID> guests) {
    LocalDate held = starts.toLocalDate();
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("orgId", branch.toString());
    plan.put("type", "THEMED_PARTY_DAY");
    plan.put("title", held.getMonthValue() + "月主题党日");
    plan.put("startsAt", starts.toString());
    plan.put("endsAt", starts.plusHours(2).toString());
    plan.put("place", "村党群服务中心");
    Response planned = api.awaitCreated("/api/org-life/meetings", secretary, plan);
    String id = planned.json().get("id").asString();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("title", held.getMonthValue() + "月主题党日");
    record.put("startsAt", starts.toString());
    record.put("endsAt", starts.plusHours(2).toString());
    record.put("place", "村党群服务中心");
    record.put("hostMemberId", host.toString());
    record.put("recorderMemberId", recorder.toString());
    record.put("theme", "学习贯彻党的二十届四中全会精神（" + held + "）");
    record.put(
        "minutes",
        held
            + "：书记领学文件，党员逐一交流学习体会，讨论本村"
            + held.getMonthValue()
            + "月为民办实事项目，编号"
            + UUID.randomUUID());
    record.put("attendees", attendees.stream().map(UUID::toString).toList());
    record.put(
        "absentees",
        absentees.stream()
            .map(m -> Map.of("memberId", m.toString(), "reason", "UNEXCUSED"))
            .toList());
    record.put("guests", guests.stream().map(UUID::toString).toList());
    Response recorded =
        api.send(
            "PUT",
            "/api/org-life/meetings/" + id + "/record",
            secretary,
            record,
            planned.header("ETag"));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    Response submitted =
        api.send(
            "POST",
            "/api/org-life/meetings/" + id + "/submit",
            secretary,
            null,
            recorded.header("ETag"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    Response approved =
        api.send(
            "POST",
            "/api/org-life/meetings/" + id + "/approve",
            admin,
            Map.of("comment", "同意"),
            submitted.header("ETag"));
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
  }
}
