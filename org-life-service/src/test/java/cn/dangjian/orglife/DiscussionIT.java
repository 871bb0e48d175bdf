package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class DiscussionIT extends ApiTestSupport {

  private String memberToken(UUID member) {
    return KEYCLOAK.token().roles("member").memberId(member).username("m-" + member).build();
  }

  @Test
  void integrationClientCannotPostIntoAnyBranchsDiscussion() throws Exception {
    String sec = secretaryOf(branchA);
    JsonNode topic =
        read(
            as(
                    sec,
                    post("/api/org-life/discussions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of(
                                    "orgId", branchA.toString(),
                                    "title", "学习安排",
                                    "body", "本月集中学习时间"))))
                .andExpect(status().isCreated()));
    UUID id = id(topic);
    String integration = KEYCLOAK.token().roles("integration").username("integrator").build();
    as(
            integration,
            post("/api/org-life/discussions/" + id + "/posts")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("body", "机器账号发言"))))
        .andExpect(status().isForbidden());
    // it still reads (platform-wide, read-only)
    JsonNode after = read(as(integration, get("/api/org-life/discussions/" + id)));
    assertThat(after.get("posts")).isEmpty();
  }

  @Test
  void aBranchTopicIsDiscussedAndVotedOnByItsMembersOnlyAndClosedWithAConclusion()
      throws Exception {
    List<UUID> a = formalMembers(branchA, 2);
    UUID outsider = formalMembers(branchB, 1).get(0);
    String sec = secretaryOf(branchA);
    JsonNode topic =
        read(
            as(
                    sec,
                    post("/api/org-life/discussions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of(
                                    "orgId",
                                    branchA.toString(),
                                    "title",
                                    "社区志愿服务时间安排",
                                    "body",
                                    "请大家讨论本月志愿服务安排在周六还是周日",
                                    "options",
                                    List.of("周六", "周日")))))
                .andExpect(status().isCreated()));
    UUID id = id(topic);
    topicId = id;

    JsonNode post =
        read(
            as(
                    memberToken(a.get(0)),
                    post("/api/org-life/discussions/" + id + "/posts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("body", "建议周六上午"))))
                .andExpect(status().isCreated()));
    UUID first = UUID.fromString(post.get("posts").get(0).get("id").asString());
    as(
            memberToken(a.get(1)),
            post("/api/org-life/discussions/" + id + "/posts")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(Map.of("body", "同意", "replyTo", first.toString()))))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.posts[1].replyTo").value(first.toString()));

    vote(a.get(0), 0).andExpect(status().isOk());
    vote(a.get(1), 1).andExpect(status().isOk());
    vote(a.get(1), 0).andExpect(status().isOk()).andExpect(jsonPath("$.myVote").value(0));
    JsonNode tally = read(as(sec, get("/api/org-life/discussions/" + id))).get("tally");
    assertThat(tally.get(0).get("votes").asInt()).isEqualTo(2);
    assertThat(tally.get(1).get("votes").asInt()).isZero();

    // a member of another branch neither sees nor votes
    as(memberToken(outsider), get("/api/org-life/discussions/" + id))
        .andExpect(status().isNotFound());
    vote(outsider, 0).andExpect(status().isNotFound());
    as(secretaryOf(branchB), get("/api/org-life/discussions/" + id))
        .andExpect(status().isNotFound());

    String etag =
        as(sec, get("/api/org-life/discussions/" + id)).andReturn().getResponse().getHeader("ETag");
    as(
            sec,
            post("/api/org-life/discussions/" + id + "/close")
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("conclusion", "定于周六上午，全体参加"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"));
    vote(a.get(0), 1)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("topic-is-closed"));
  }

  private UUID topicId;

  private org.springframework.test.web.servlet.ResultActions vote(UUID member, int option)
      throws Exception {
    return as(
        memberToken(member),
        post("/api/org-life/discussions/" + topicId + "/votes")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("option", option))));
  }
}
