package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/**
 * The first slice of member-service through its REST API: org tree, members, data scope, personal
 * data protection, optimistic locking and events.
 */
class MemberApiIT extends ApiTestSupport {

  @Test
  void secretarySeesOnlyTheirOwnBranchesMembers() throws Exception {
    UUID inA = id(register(secretaryOf(branchA), branchA, "李红", newIdNumber()));
    UUID inB = id(register(secretaryOf(branchB), branchB, "王芳", newIdNumber()));

    as(secretaryOf(branchA), get("/api/members").param("size", "200"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(inA.toString())))
        .andExpect(jsonPath("$.items[*].id", not(org.hamcrest.Matchers.hasItem(inB.toString()))));
    as(admin, get("/api/members").param("orgId", committee.toString()))
        .andExpect(jsonPath("$.total").value(2));
  }

  @Test
  void anotherBranchsMemberByIdIsNotFoundNotForbidden() throws Exception {
    UUID inB = id(register(secretaryOf(branchB), branchB, "王芳", newIdNumber()));
    as(secretaryOf(branchA), get("/api/members/" + inB))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://dangjian.cn/problems/not-found"));
    as(secretaryOf(branchA), get("/api/members").param("orgId", branchB.toString()))
        .andExpect(status().isNotFound());
    as(secretaryOf(branchA), get("/api/orgs/" + branchB)).andExpect(status().isNotFound());
    as(admin, get("/api/members/" + inB)).andExpect(status().isOk());
  }

  @Test
  void secretaryCannotRegisterIntoAnotherBranchAndNothingIsWritten() throws Exception {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM member", Integer.class);
    as(
            secretaryOf(branchA),
            post("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(memberJson(branchB, "越权", newIdNumber())))
        .andExpect(status().isNotFound());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member", Integer.class)).isEqualTo(before);
  }

  @Test
  void tokenWithoutAnOrgSeesNothing() throws Exception {
    register(admin, branchA, "赵敏", newIdNumber());
    String orphan = KEYCLOAK.token().roles("secretary").build();
    as(orphan, get("/api/members"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    as(orphan, get("/api/orgs")).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void memberSeesOnlyThemself() throws Exception {
    UUID me = id(register(admin, branchA, "本人", newIdNumber()));
    UUID colleague = id(register(admin, branchA, "同事", newIdNumber()));
    String token = KEYCLOAK.token().roles("member").orgId(branchA).memberId(me).build();

    as(token, get("/api/members/" + me)).andExpect(status().isOk());
    as(token, get("/api/members/" + colleague)).andExpect(status().isNotFound());
    as(token, get("/api/members"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(me.toString()));
    as(
            token,
            post("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(memberJson(branchA, "x", newIdNumber())))
        .andExpect(status().isForbidden());
  }

  @Test
  void onlyPlatformAdminCreatesARootAndSecretariesBuildInsideTheirSubtree() throws Exception {
    String secretary = secretaryOf(committee);
    as(
            secretary,
            post("/api/orgs")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"新党委\",\"type\":\"PARTY_COMMITTEE\"}"))
        .andExpect(status().isForbidden());
    JsonNode group = create(secretaryOf(branchA), branchA, "第一党小组", "PARTY_GROUP");
    assertThat(group.get("path").asString()).startsWith("/" + committee + "/" + branchA + "/");
    assertThat(group.get("typeLabel").asString()).isEqualTo("党小组");
    as(
            secretary,
            post("/api/orgs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"parentId\":\""
                        + committee
                        + "\",\"name\":\"小组\",\"type\":\"PARTY_GROUP\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("child-type-not-allowed"))
        .andExpect(jsonPath("$.detail").value("党委下不能设立党小组"));
  }

  @Test
  void idNumberIsEncryptedAtRestAndMaskedInResponses() throws Exception {
    String idNumber = newIdNumber();
    JsonNode created = register(admin, branchA, "陈静", idNumber);

    assertThat(created.get("idNumber").asString())
        .isEqualTo(idNumber.charAt(0) + "*".repeat(16) + idNumber.charAt(17));
    assertThat(created.get("phone").asString()).isEqualTo("138******78");
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT * FROM member WHERE id = UNHEX(REPLACE(?, '-', ''))", id(created).toString());
    assertThat(row.values().toString()).doesNotContain(idNumber).doesNotContain("13812345678");
    assertThat(row.get("id_number_cipher").toString()).startsWith("v2:default:");
  }

  @Test
  void unmaskedReadNeedsAReasonAndIsAudited() throws Exception {
    String idNumber = newIdNumber();
    UUID id = id(register(admin, branchA, "孙丽", idNumber));
    String secretary = secretaryOf(branchA);

    as(secretary, get("/api/members/" + id + "/personal-data")).andExpect(status().isBadRequest());
    as(secretary, get("/api/members/" + id + "/personal-data").param("reason", "组织关系转接核对"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.idNumber").value(idNumber))
        .andExpect(jsonPath("$.phone").value("13812345678"));
    as(
            KEYCLOAK.token().roles("party-worker").orgId(branchA).build(),
            get("/api/members/" + id + "/personal-data").param("reason", "x"))
        .andExpect(status().isForbidden());
    as(admin, get("/api/members/" + id + "/personal-data/access-log"))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].reason").value("组织关系转接核对"))
        .andExpect(jsonPath("$[0].accessor").value("secretary-" + branchA));
  }

  @Test
  void exactLookupByIdNumberUsesTheKeyedHash() throws Exception {
    String idNumber = newIdNumber();
    UUID id = id(register(admin, branchA, "周强", idNumber));
    as(admin, get("/api/members").param("idNumber", idNumber.toLowerCase()))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(id.toString()));
  }

  @Test
  void sameIdNumberCannotBeRegisteredTwice() throws Exception {
    String idNumber = newIdNumber();
    register(admin, branchA, "吴刚", idNumber);
    as(
            admin,
            post("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(memberJson(branchB, "吴刚", idNumber)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("该身份证号已登记在册"));
  }

  @Test
  void invalidIdNumberIsAValidationErrorNamingTheField() throws Exception {
    String bad = newIdNumber().substring(0, 17) + "Y";
    as(
            admin,
            post("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .content(memberJson(branchA, "郑", bad)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("身份证号格式不正确")));
  }

  @Test
  void updateNeedsTheCurrentVersionSoNoUpdateIsLost() throws Exception {
    UUID id = id(register(admin, branchA, "刘洋", newIdNumber()));
    String etag =
        as(admin, get("/api/members/" + id)).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    String update =
        "{\"name\":\"刘洋\",\"gender\":\"FEMALE\",\"phone\":\"13900001111\",\"duesCategory\":\"RETIRED\"}";

    as(admin, put("/api/members/" + id).contentType(MediaType.APPLICATION_JSON).content(update))
        .andExpect(status().isPreconditionRequired());
    as(
            admin,
            put("/api/members/" + id)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(update))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, not(etag)))
        .andExpect(jsonPath("$.phone").value("139******11"))
        .andExpect(jsonPath("$.duesCategory").value("RETIRED"));
    as(
            admin,
            put("/api/members/" + id)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(update.replace("RETIRED", "FARMER")))
        .andExpect(status().isPreconditionFailed());
    as(admin, get("/api/members/" + id)).andExpect(jsonPath("$.duesCategory").value("RETIRED"));
  }

  @Test
  void ruleViolationIsUnprocessableAndNamesTheRule() throws Exception {
    String body =
        memberJson(branchA, "何", newIdNumber())
            .replace("\"fullMemberDate\":\"2020-07-01\"", "\"fullMemberDate\":\"2020-01-01\"");
    as(admin, post("/api/members").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value("probation-one-to-two-years"));
  }

  @Test
  void listIsPagedWithATotal() throws Exception {
    for (int i = 0; i < 5; i++) {
      register(admin, branchB, "党员" + i, newIdNumber());
    }
    as(
            admin,
            get("/api/members")
                .param("orgId", branchB.toString())
                .param("size", "2")
                .param("page", "1"))
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.total").value(5))
        .andExpect(jsonPath("$.totalPages").value(3))
        .andExpect(jsonPath("$.page").value(1));
    as(admin, get("/api/members").param("size", "1000")).andExpect(status().isBadRequest());
  }

  @Test
  void registrationIsPublishedAsMemberRegisteredKeyedByMemberWithoutPersonalData()
      throws Exception {
    String idNumber = newIdNumber();
    UUID id = id(register(admin, branchA, "冯艳", idNumber));

    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "member-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of("member.events"));
      long deadline = System.currentTimeMillis() + 20_000;
      while (records.isEmpty() && System.currentTimeMillis() < deadline) {
        consumer
            .poll(Duration.ofMillis(300))
            .forEach(
                r -> {
                  // member.classified follows under the same key (ClassificationIT)
                  if (id.toString().equals(r.key())
                      && r.value().contains("\"type\":\"member.registered\"")) {
                    records.add(r);
                  }
                });
      }
    }
    assertThat(records).hasSize(1);
    JsonNode envelope = json.readTree(records.get(0).value());
    assertThat(envelope.get("type").asString()).isEqualTo("member.registered");
    assertThat(envelope.get("orgPath").asString()).isEqualTo("/" + committee + "/" + branchA + "/");
    assertThat(envelope.get("payload").get("stage").asString()).isEqualTo("FULL");
    assertThat(records.get(0).value())
        .doesNotContain(idNumber)
        .doesNotContain("冯艳")
        .doesNotContain("13812345678");
  }

  @Test
  void renameNeedsIfMatchAndKeepsThePath() throws Exception {
    String etag =
        as(admin, get("/api/orgs/" + branchA))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.ETAG);
    as(
            admin,
            put("/api/orgs/" + branchA + "/name")
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"第一党支部（更名）\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("第一党支部（更名）"))
        .andExpect(jsonPath("$.path").value("/" + committee + "/" + branchA + "/"));
    as(
            admin,
            put("/api/orgs/" + branchA + "/name")
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"又改\"}"))
        .andExpect(status().isPreconditionFailed());
  }

  @Test
  void orgListIsTheCallersSubtree() throws Exception {
    as(secretaryOf(branchA), get("/api/orgs"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(branchA.toString()));
    as(secretaryOf(committee), get("/api/orgs")).andExpect(jsonPath("$.total").value(3));
  }
}
