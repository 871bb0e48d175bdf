package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.testsupport.api.JobFollower;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 党内统计 classifications (issue 23): occupation, education level and post of members, unit type and
 * affiliation of organisations, and the member.classified / org.classified events the statistics
 * are built from.
 */
class ClassificationIT extends ApiTestSupport {

  /** Envelopes of one type bound for Kafka (the outbox) about one subject, oldest first. */
  private List<JsonNode> published(String type, UUID subject) {
    return jdbc
        .queryForList(
            "SELECT serialized_event FROM event_publication"
                + " WHERE listener_id LIKE '%EventExternalizer%'"
                + " AND serialized_event LIKE ? AND serialized_event LIKE ?",
            String.class, "%\"type\":\"" + type + "\"%", "%\"subjectId\":\"" + subject + "\"%")
        .stream()
        .map(json::readTree)
        .sorted(Comparator.comparing(e -> Instant.parse(e.get("occurredAt").asString())))
        .toList();
  }

  /** The types of the first {@code count} records on member.events keyed by the subject. */
  private List<String> typesOnKafka(UUID subject, int count) {
    List<String> types = new ArrayList<>();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "classification-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of("member.events"));
      long deadline = System.currentTimeMillis() + 20_000;
      while (types.size() < count && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
          if (subject.toString().equals(r.key())) {
            types.add(json.readTree(r.value()).get("type").asString());
          }
        }
      }
    }
    return types;
  }

  private String registration(UUID org, String idNumber, Map<String, String> extra) {
    ObjectNode body = (ObjectNode) json.readTree(memberJson(org, "统计", idNumber));
    extra.forEach(body::put);
    return json.writeValueAsString(body);
  }

  private ResultActions update(UUID member, Map<String, String> fields) throws Exception {
    JsonNode current = read(as(admin, get("/api/members/" + member)));
    ObjectNode body = json.createObjectNode();
    body.put("name", current.get("name").asString());
    body.put("gender", current.get("gender").asString());
    body.put("ethnicity", current.get("ethnicity").asString());
    body.put("phone", "13812345678");
    body.put("education", current.get("education").asString());
    body.put("duesCategory", current.get("duesCategory").asString());
    fields.forEach(body::put);
    return as(
        admin,
        put("/api/members/" + member)
            .header(HttpHeaders.IF_MATCH, "\"" + current.get("version").asLong() + "\"")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  @Test
  void registrationPublishesMemberClassifiedWithMemberRegistered() throws Exception {
    String idNumber = newIdNumber();
    JsonNode created =
        read(
            as(
                    admin,
                    post("/api/members")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            registration(
                                branchA,
                                idNumber,
                                Map.of(
                                    "education", "硕士研究生",
                                    "occupation", "PROFESSIONAL",
                                    "post", "科员"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.occupation").value("PROFESSIONAL"))
                .andExpect(jsonPath("$.occupationLabel").value("企事业单位、民办非企业单位专业技术人员"))
                .andExpect(jsonPath("$.educationLevel").value("POSTGRADUATE"))
                .andExpect(jsonPath("$.educationLevelLabel").value("研究生"))
                .andExpect(jsonPath("$.post").value("科员")));
    UUID member = id(created);

    List<JsonNode> registered = published("member.registered", member);
    List<JsonNode> classified = published("member.classified", member);
    assertThat(registered).hasSize(1);
    assertThat(classified).hasSize(1);
    // published in that order in one transaction; on Kafka the platform's asynchronous
    // externalization does not keep the order of two events, so a consumer must not rely on it
    assertThat(typesOnKafka(member, 2))
        .containsExactlyInAnyOrder("member.registered", "member.classified");
    JsonNode event = classified.get(0);
    assertThat(event.get("orgPath").asString()).isEqualTo("/" + committee + "/" + branchA + "/");
    JsonNode payload = event.get("payload");
    assertThat(payload.get("memberId").asString()).isEqualTo(member.toString());
    assertThat(payload.get("orgId").asString()).isEqualTo(branchA.toString());
    assertThat(payload.get("gender").asString()).isEqualTo("FEMALE");
    assertThat(payload.get("ethnicity").asString()).isEqualTo("汉族");
    assertThat(payload.get("birthMonth").asString()).isEqualTo(birthOf(idNumber).substring(0, 7));
    assertThat(payload.get("educationLevel").asString()).isEqualTo("POSTGRADUATE");
    assertThat(payload.get("occupation").asString()).isEqualTo("PROFESSIONAL");
    assertThat(event.toString())
        .doesNotContain(idNumber)
        .doesNotContain("统计")
        .doesNotContain(birthOf(idNumber));
  }

  @Test
  void registrationWithoutCodesIsUnspecifiedAndClassifiesTheEducationText() throws Exception {
    JsonNode created = register(admin, branchA, "未填", newIdNumber());
    assertThat(created.get("occupation").asString()).isEqualTo("UNSPECIFIED");
    assertThat(created.get("occupationLabel").asString()).isEqualTo("未填");
    assertThat(created.get("educationLevel").asString()).isEqualTo("UNDERGRADUATE"); // 本科
    assertThat(created.get("post").isNull()).isTrue();
  }

  @Test
  void updateChangingTheOccupationPublishesOneAndChangingOnlyThePhoneNone() throws Exception {
    UUID member = id(register(admin, branchA, "更新", newIdNumber()));
    assertThat(published("member.classified", member)).hasSize(1);

    update(member, Map.of("occupation", "WORKER"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.occupation").value("WORKER"))
        .andExpect(jsonPath("$.occupationLabel").value("工人"));
    List<JsonNode> classified = published("member.classified", member);
    assertThat(classified).hasSize(2);
    assertThat(classified.get(1).get("payload").get("occupation").asString()).isEqualTo("WORKER");
    assertThat(published("member.updated", member).get(0).get("payload").get("changedFields"))
        .extracting(JsonNode::asString)
        .containsExactly("occupation");

    // a client that does not send the codes keeps them; the phone is no classification
    update(member, Map.of("phone", "13900001111"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.occupation").value("WORKER"))
        .andExpect(jsonPath("$.educationLevel").value("UNDERGRADUATE"));
    assertThat(published("member.classified", member)).hasSize(2);
    assertThat(published("member.updated", member)).hasSize(2);

    // nor is the post, though it is a change of the record
    update(member, Map.of("post", "村党组织书记"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.post").value("村党组织书记"));
    assertThat(published("member.classified", member)).hasSize(2);

    // a new education text without a code is classified again
    update(member, Map.of("education", "大专"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.educationLevel").value("JUNIOR_COLLEGE"));
    classified = published("member.classified", member);
    assertThat(classified).hasSize(3);
    assertThat(classified.get(2).get("payload").get("educationLevel").asString())
        .isEqualTo("JUNIOR_COLLEGE");
  }

  @Test
  void anUnknownCodeIsABadRequestInChineseAndChangesNothing() throws Exception {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM member", Integer.class);
    as(
            admin,
            post("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration(branchA, newIdNumber(), Map.of("occupation", "ASTRONAUT"))))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.field").value("occupation"))
        .andExpect(jsonPath("$.detail").value("“occupation”的值格式不正确"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member", Integer.class)).isEqualTo(before);

    UUID member = id(register(admin, branchA, "不变", newIdNumber()));
    long version = read(as(admin, get("/api/members/" + member))).get("version").asLong();
    update(member, Map.of("educationLevel", "DOCTORATE", "occupation", "WORKER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("“educationLevel”的值格式不正确"));
    update(member, Map.of("post", "很长的职务".repeat(11)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("post"));
    as(admin, get("/api/members/" + member))
        .andExpect(jsonPath("$.version").value(version))
        .andExpect(jsonPath("$.occupation").value("UNSPECIFIED"));
    assertThat(published("member.classified", member)).hasSize(1);
  }

  @Test
  void orgCreationPublishesOrgClassifiedWithOrgCreated() throws Exception {
    JsonNode village =
        read(
            as(
                    admin,
                    post("/api/orgs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of(
                                    "parentId", committee.toString(),
                                    "name", "某村党支部",
                                    "type", "BRANCH",
                                    "unitType", "ADMINISTRATIVE_VILLAGE",
                                    "affiliation", "TOWNSHIP"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitType").value("ADMINISTRATIVE_VILLAGE"))
                .andExpect(jsonPath("$.unitTypeLabel").value("行政村"))
                .andExpect(jsonPath("$.affiliation").value("TOWNSHIP"))
                .andExpect(jsonPath("$.affiliationLabel").value("乡镇、街道")));
    UUID org = id(village);
    assertThat(published("org.created", org)).hasSize(1);
    List<JsonNode> classified = published("org.classified", org);
    assertThat(classified).hasSize(1);
    assertThat(typesOnKafka(org, 2)).containsExactlyInAnyOrder("org.created", "org.classified");
    assertThat(classified.get(0).get("payload").get("unitType").asString())
        .isEqualTo("ADMINISTRATIVE_VILLAGE");
    assertThat(classified.get(0).get("payload").get("affiliation").asString())
        .isEqualTo("TOWNSHIP");

    // without the codes: 未填, and still published
    as(admin, get("/api/orgs/" + branchB))
        .andExpect(jsonPath("$.unitType").value("UNSPECIFIED"))
        .andExpect(jsonPath("$.unitTypeLabel").value("未填"));
    assertThat(
            published("org.classified", branchB)
                .get(0)
                .get("payload")
                .get("affiliation")
                .asString())
        .isEqualTo("UNSPECIFIED");
  }

  @Test
  void theUnitChangeNeedsIfMatchPublishesAndIsInTheHistory() throws Exception {
    String body = "{\"unitType\":\"COMMUNITY\",\"affiliation\":\"TOWNSHIP\"}";
    as(
            admin,
            put("/api/orgs/" + branchA + "/unit")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isPreconditionRequired());
    as(
            secretaryOf(branchB),
            put("/api/orgs/" + branchA + "/unit")
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isNotFound());
    as(
            KEYCLOAK.token().roles("party-worker").orgId(branchA).build(),
            put("/api/orgs/" + branchA + "/unit")
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());

    String etag =
        as(admin, get("/api/orgs/" + branchA))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.ETAG);
    as(
            secretaryOf(branchA),
            put("/api/orgs/" + branchA + "/unit")
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unitType\":\"VILLAGE\",\"affiliation\":\"TOWNSHIP\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("“unitType”的值格式不正确"));
    as(
            secretaryOf(branchA),
            put("/api/orgs/" + branchA + "/unit")
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unitTypeLabel").value("社区（居委会）"))
        .andExpect(jsonPath("$.affiliationLabel").value("乡镇、街道"));
    List<JsonNode> classified = published("org.classified", branchA);
    assertThat(classified).hasSize(2);
    assertThat(classified.get(1).get("payload").get("unitType").asString()).isEqualTo("COMMUNITY");

    // the same values again: no change, no event
    String next =
        as(admin, get("/api/orgs/" + branchA))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.ETAG);
    as(
            admin,
            put("/api/orgs/" + branchA + "/unit")
                .header(HttpHeaders.IF_MATCH, next)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
    assertThat(published("org.classified", branchA)).hasSize(2);
    as(admin, get("/api/orgs/" + branchA + "/history"))
        .andExpect(jsonPath("$[*].changeType", hasItem("UNIT_CHANGED")))
        .andExpect(jsonPath("$[*].newValue", hasItem("COMMUNITY/TOWNSHIP")));
  }

  @Test
  void republicationSendsEveryMemberAndOrgOfTheRangeAsAJobForPlatformAdminsOnly() throws Exception {
    UUID first = id(register(admin, branchA, "补发甲", newIdNumber()));
    UUID second = id(register(admin, branchB, "补发乙", newIdNumber()));

    as(
            secretaryOf(committee),
            post("/api/members/classifications/republish").param("orgId", committee.toString()))
        .andExpect(status().isForbidden());

    JsonNode job =
        new JobFollower(mvc, Duration.ofSeconds(60))
            .follow(
                admin,
                as(
                    admin,
                    post("/api/members/classifications/republish")
                        .param("orgId", committee.toString())));
    assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("result").get("members").asLong()).isEqualTo(2);
    assertThat(job.get("result").get("orgs").asLong()).isEqualTo(3);
    assertThat(published("member.classified", first)).hasSize(2);
    assertThat(published("member.classified", second)).hasSize(2);
    for (UUID org : List.of(committee, branchA, branchB)) {
      assertThat(published("org.classified", org)).hasSize(2);
    }
  }
}
