package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * An admin's template change: a new version, the old ones kept, the next notice in the new words.
 */
class NotificationTemplatesIT extends NotificationTestSupport {

  private static final String KIND = "MEETING_RETURNED";

  private JsonNode current() throws Exception {
    for (JsonNode t : read(as(admin, get("/api/notifications/templates")))) {
      if (KIND.equals(t.path("kind").asString())) {
        return t;
      }
    }
    throw new AssertionError(KIND + " not listed");
  }

  private ResultActions change(long ifMatch, String title, String body) throws Exception {
    return as(
        admin,
        put("/api/notifications/templates/" + KIND)
            .header("If-Match", "\"" + ifMatch + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("title", title, "body", body))));
  }

  private ResultActions preview(Map<String, Object> request) throws Exception {
    return as(
        admin,
        post("/api/notifications/templates/" + KIND + "/preview")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(request)));
  }

  @Test
  void templateChangeAddsAVersionKeepsTheOldAndTheNextNoticeUsesIt() throws Exception {
    JsonNode before = current();
    int v = before.path("version").asInt();
    try {
      preview(
              Map.of(
                  "title", "退回：${meetingType}",
                  "body", "${heldOn} 的${meetingType}记录被退回：${reason}",
                  "variables", Map.of("meetingType", "党课", "reason", "缺签到")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.title").value("退回：党课"))
          // a variable not given shows its sample value
          .andExpect(jsonPath("$.body").value("示例heldOn 的党课记录被退回：缺签到"));
      preview(Map.of("variables", Map.of("meetingType", "党课", "nope", "x")))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail").value(Matchers.containsString("不支持的变量：nope")));

      change(v, "退回：${meetingType}", "${heldOn} 的${meetingType}记录被退回：${reason}")
          .andExpect(status().isOk())
          .andExpect(header().string("ETag", "\"" + (v + 1) + "\""))
          .andExpect(jsonPath("$.version").value(v + 1))
          .andExpect(jsonPath("$.createdBy").value("admin"));
      change(v, "过期的版本", "${reason}").andExpect(status().isPreconditionFailed());
      change(
              v + 1,
              "会议记录需修改：${meetingType}",
              "${heldOn}的${meetingType}记录未通过审核（${reason}），请修改后重新提交。")
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.version").value(v + 2));
      assertThat(
              jdbc.queryForList(
                  "SELECT CONCAT(version, ':', active) FROM notification_template WHERE kind = ?"
                      + " AND version > ? ORDER BY version",
                  String.class,
                  KIND,
                  v))
          .as("the older version kept, inactive")
          .containsExactly((v + 1) + ":0", (v + 2) + ":1");
      assertThat(current().path("title").asString()).isEqualTo("会议记录需修改：${meetingType}");

      UUID secretary = seatSecretary(branchA, branchA);
      UUID meeting = UUID.randomUUID();
      LocalDate heldOn = LocalDate.of(2026, 11, 25);
      send(
          Topics.ORGLIFE_EVENTS,
          EventTypes.ORGLIFE_MEETING_RETURNED,
          meeting.toString(),
          branchA,
          new MeetingRecordChanged(
              meeting,
              branchA,
              "BRANCH",
              "PARTY_LECTURE",
              "RETURNED",
              heldOn,
              LocalDateTime.of(2026, 11, 25, 14, 0),
              LocalDateTime.of(2026, 11, 25, 16, 0),
              0,
              1,
              1,
              List.of(secretary),
              List.of(),
              "未附讲稿",
              false));
      JsonNode told = awaitInbox(secretary, NotificationKind.MEETING_RETURNED, 1).get(0);
      assertThat(told.path("title").asString()).isEqualTo("会议记录需修改：党课");
      assertThat(told.path("body").asString()).isEqualTo("2026-11-25的党课记录未通过审核（未附讲稿），请修改后重新提交。");
    } finally {
      // the context is shared: later tests read this kind in its own words again
      change(
              current().path("version").asInt(),
              before.path("title").asString(),
              before.path("body").asString())
          .andExpect(status().isOk());
    }
  }
}
