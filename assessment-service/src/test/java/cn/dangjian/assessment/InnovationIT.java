package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InnovationIT extends ApiTestSupport {

  private String submit(UUID org, String title, String content) throws Exception {
    return read(postJson(
                secretaryOf(org),
                "/api/assessments/innovation-cases",
                Map.of(
                    "orgId",
                    org.toString(),
                    "year",
                    2026,
                    "title",
                    title,
                    "summary",
                    title + "的做法与成效",
                    "content",
                    content,
                    "materials",
                    List.of(
                        Map.of("kind", "TEXT", "title", "经验材料", "body", "具体做法……"),
                        Map.of(
                            "kind", "LINK", "title", "宣传报道", "ref", "https://example.cn/news/1"))))
            .andExpect(status().isCreated()))
        .get("id")
        .asString();
  }

  @Test
  void aSelectedCaseIsFoundInTheLibraryAndOthersAreNot() throws Exception {
    String marker = "红色车间" + SERIAL.incrementAndGet();
    String selected = submit(branchA, marker + "党建+产业融合", "在工业园区设立" + marker + "，党员技术骨干结对帮带。");
    String rejected = submit(branchB, marker + "网格党建", "推行网格党建+志愿服务。");
    String reviewer = secretaryOf(township);

    postJson(
            secretaryOf(branchA),
            "/api/assessments/innovation-cases/" + selected + "/review",
            Map.of("decision", "ACCEPT", "note", "自评"))
        .andExpect(status().isForbidden());
    postJson(
            reviewer,
            "/api/assessments/innovation-cases/" + selected + "/review",
            Map.of("decision", "ACCEPT", "note", "做法可复制"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
    postJson(
            reviewer,
            "/api/assessments/innovation-cases/" + rejected + "/review",
            Map.of("decision", "REJECT", "note", "成效不够突出"))
        .andExpect(status().isOk());
    postJson(
            reviewer,
            "/api/assessments/innovation-cases/selections",
            Map.of("year", 2026, "caseIds", List.of(rejected), "award", "党建创新奖"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("select-accepted-of-year"));
    postJson(
            reviewer,
            "/api/assessments/innovation-cases/selections",
            Map.of("year", 2026, "caseIds", List.of(selected), "award", "党建创新奖"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value("SELECTED"));

    // anyone signed in searches the library, across orgs
    String member =
        KEYCLOAK.token().roles("member").memberId(UUID.randomUUID()).username("m").build();
    JsonNode found =
        read(
            getUrl(member, "/api/assessments/innovation-cases/library?q=" + marker)
                .andExpect(status().isOk()));
    assertThat(found.get("total").asLong()).isEqualTo(1);
    assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(selected);
    assertThat(found.get("items").get(0).get("award").asString()).isEqualTo("党建创新奖");
    JsonNode detail = read(getUrl(member, "/api/assessments/innovation-cases/" + selected));
    assertThat(detail.get("materials")).hasSize(2);
    getUrl(member, "/api/assessments/innovation-cases/" + rejected)
        .andExpect(status().isNotFound());
    // a material without content is refused
    postJson(
            secretaryOf(branchC),
            "/api/assessments/innovation-cases",
            Map.of(
                "orgId",
                branchC.toString(),
                "year",
                2026,
                "title",
                "t",
                "summary",
                "s",
                "content",
                "c",
                "materials",
                List.of(Map.of("kind", "LINK", "title", "空链接"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("material-needs-content"));
  }
}
