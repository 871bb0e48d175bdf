package cn.dangjian.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Moving and dissolving organisations, member statuses and flags, structural warnings. */
class OrgLifecycleIT extends ApiTestSupport {

  private String etag(String path) throws Exception {
    return as(admin, get(path)).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
  }

  private String move(UUID org, UUID newParent) throws Exception {
    return "{\"newParentId\":\"" + newParent + "\"}";
  }

  @Test
  void movingASubtreeRewritesPathsAndTheNewSecretarySeesItsMembers() throws Exception {
    UUID group = id(create(admin, branchA, "第一党小组", "PARTY_GROUP"));
    UUID member = id(register(admin, branchA, "随迁党员", newIdNumber()));
    UUID otherTown = id(create(admin, committee, "城南街道党工委", "PARTY_COMMITTEE"));

    as(
            admin,
            post("/api/orgs/" + branchA + "/move")
                .header(HttpHeaders.IF_MATCH, etag("/api/orgs/" + branchA))
                .contentType(MediaType.APPLICATION_JSON)
                .content(move(branchA, otherTown)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.parentId").value(otherTown.toString()))
        .andExpect(jsonPath("$.depth").value(3))
        .andExpect(
            jsonPath("$.path").value("/" + committee + "/" + otherTown + "/" + branchA + "/"));

    as(admin, get("/api/orgs/" + group))
        .andExpect(
            jsonPath("$.path")
                .value("/" + committee + "/" + otherTown + "/" + branchA + "/" + group + "/"))
        .andExpect(jsonPath("$.depth").value(4));
    as(secretaryOf(otherTown), get("/api/members/" + member)).andExpect(status().isOk());
    as(admin, get("/api/orgs/" + branchA + "/history"))
        .andExpect(jsonPath("$[0].changeType").value("CREATED"))
        .andExpect(jsonPath("$[1].changeType").value("MOVED"))
        .andExpect(jsonPath("$[1].changedBy").value("admin"));
  }

  @Test
  void secretaryOfTheOldParentLosesSightOfAMovedBranch() throws Exception {
    UUID town = id(create(admin, committee, "城北镇党委", "PARTY_COMMITTEE"));
    UUID branch = id(create(admin, town, "城北第一党支部", "BRANCH"));
    UUID member = id(register(admin, branch, "调整党员", newIdNumber()));
    as(secretaryOf(town), get("/api/members/" + member)).andExpect(status().isOk());

    as(
            admin,
            post("/api/orgs/" + branch + "/move")
                .header(HttpHeaders.IF_MATCH, etag("/api/orgs/" + branch))
                .contentType(MediaType.APPLICATION_JSON)
                .content(move(branch, committee)))
        .andExpect(status().isOk());
    as(secretaryOf(town), get("/api/members/" + member)).andExpect(status().isNotFound());
  }

  @Test
  void anOrgCannotMoveUnderItsOwnSubtree() throws Exception {
    UUID group = id(create(admin, branchA, "小组", "PARTY_GROUP"));
    UUID town = id(create(admin, committee, "某镇党委", "PARTY_COMMITTEE"));
    UUID inner = id(create(admin, town, "某镇下属党委", "PARTY_COMMITTEE"));
    as(
            admin,
            post("/api/orgs/" + town + "/move")
                .header(HttpHeaders.IF_MATCH, etag("/api/orgs/" + town))
                .contentType(MediaType.APPLICATION_JSON)
                .content(move(town, inner)))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("cannot-move-under-own-subtree"));
    as(
            admin,
            post("/api/orgs/" + branchB + "/move")
                .header(HttpHeaders.IF_MATCH, etag("/api/orgs/" + branchB))
                .contentType(MediaType.APPLICATION_JSON)
                .content(move(branchB, group)))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("child-type-not-allowed"));
  }

  @Test
  void moveWithAStaleVersionIsRefused() throws Exception {
    String stale = etag("/api/orgs/" + branchB);
    as(
            admin,
            post("/api/orgs/" + branchB + "/move")
                .header(HttpHeaders.IF_MATCH, stale)
                .contentType(MediaType.APPLICATION_JSON)
                .content(move(branchB, branchA)))
        .andExpect(status().isUnprocessableEntity());
    UUID town = id(create(admin, committee, "另一镇党委", "PARTY_COMMITTEE"));
    as(
            admin,
            post("/api/orgs/" + branchB + "/move")
                .header(HttpHeaders.IF_MATCH, stale)
                .contentType(MediaType.APPLICATION_JSON)
                .content(move(branchB, town)))
        .andExpect(status().isOk());
    as(
            admin,
            post("/api/orgs/" + branchB + "/move")
                .header(HttpHeaders.IF_MATCH, stale)
                .contentType(MediaType.APPLICATION_JSON)
                .content(move(branchB, committee)))
        .andExpect(status().isPreconditionFailed());
  }

  @Test
  void anOrgWithMembersCannotBeDissolvedAndAnEmptyOneCan() throws Exception {
    register(admin, branchA, "在册党员", newIdNumber());
    String body = "{\"dissolvedOn\":\"2026-11-20\",\"reason\":\"撤并\"}";
    as(
            admin,
            post("/api/orgs/" + branchA + "/dissolve")
                .header(HttpHeaders.IF_MATCH, etag("/api/orgs/" + branchA))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("org-not-empty"));
    as(
            admin,
            post("/api/orgs/" + branchB + "/dissolve")
                .header(HttpHeaders.IF_MATCH, etag("/api/orgs/" + branchB))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DISSOLVED"))
        .andExpect(jsonPath("$.dissolvedOn").value("2026-11-20"));
    as(
            admin,
            post("/api/orgs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"parentId\":\"" + branchB + "\",\"name\":\"小组\",\"type\":\"PARTY_GROUP\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("parent-dissolved"));
  }

  @Test
  void branchWarnsUntilItHasThreeFormalMembersAndAgainFromSevenWithoutCommittee() throws Exception {
    as(admin, get("/api/orgs/" + branchA + "/structure"))
        .andExpect(jsonPath("$.warnings[0]").value("fewer-than-three-formal-members"));
    for (int i = 0; i < 3; i++) {
      register(admin, branchA, "党员" + i, newIdNumber());
    }
    as(admin, get("/api/orgs/" + branchA + "/structure"))
        .andExpect(jsonPath("$.formalMembers").value(3))
        .andExpect(jsonPath("$.warnings.length()").value(0));
    as(admin, get("/api/orgs/" + branchA))
        .andExpect(jsonPath("$.structureWarnings.length()").value(0));
    for (int i = 3; i < 7; i++) {
      register(admin, branchA, "党员" + i, newIdNumber());
    }
    as(admin, get("/api/orgs/" + branchA))
        .andExpect(jsonPath("$.structureWarnings[0]").value("committee-required"));
    List<String> published =
        jdbc.queryForList(
            "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ?"
                + " AND serialized_event LIKE '%org.structure-changed%'",
            String.class, "%" + branchA + "%");
    assertThat(published).hasSize(3);
  }

  @Test
  void lostContactForSixMonthsLetsThePartyCommitteeSuspendMembershipAndRestoreIt()
      throws Exception {
    UUID member = id(register(admin, branchA, "失联党员", newIdNumber()));
    String secretary = secretaryOf(branchA);
    as(
            secretary,
            post("/api/members/" + member + "/flags")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"flag\":\"LOST_CONTACT\",\"startedOn\":\"2026-05-01\",\"reason\":\"多次联系未果\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.flagLabel").value("失联"));

    String suspend =
        "{\"status\":\"SUSPENDED\",\"effectiveOn\":\"2026-11-02\",\"basis\":\"LOST_CONTACT\",\"reason\":\"支部大会决定\"}";
    // 停止党籍 is the 基层党委's decision: the branch requests it, the 党委 records it
    as(
            secretary,
            post("/api/members/" + member + "/status")
                .header(HttpHeaders.IF_MATCH, etag("/api/members/" + member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(suspend))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    String partyCommittee = secretaryOf(committee);
    as(
            partyCommittee,
            post("/api/members/" + member + "/status")
                .header(HttpHeaders.IF_MATCH, etag("/api/members/" + member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(suspend))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUSPENDED"))
        .andExpect(jsonPath("$.statusLabel").value("停止党籍"));
    as(admin, get("/api/members/" + member + "/flags"))
        .andExpect(jsonPath("$[0].active").value(false));
    as(admin, get("/api/members").param("orgId", branchA.toString()).param("status", "SUSPENDED"))
        .andExpect(jsonPath("$.total").value(1));

    as(
            partyCommittee,
            post("/api/members/" + member + "/status")
                .header(HttpHeaders.IF_MATCH, etag("/api/members/" + member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"status\":\"ACTIVE\",\"effectiveOn\":\"2026-11-20\",\"reason\":\"恢复联系\"}"))
        .andExpect(jsonPath("$.status").value("ACTIVE"));
    as(admin, get("/api/members/" + member + "/status-history"))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[1].toStatus").value("SUSPENDED"));
  }

  @Test
  void suspensionBeforeSixMonthsOfLostContactIsRefusedAndChangesNothing() throws Exception {
    UUID member = id(register(admin, branchA, "新近失联", newIdNumber()));
    as(
            admin,
            post("/api/members/" + member + "/flags")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"flag\":\"LOST_CONTACT\",\"startedOn\":\"2026-09-01\"}"))
        .andExpect(status().isCreated());
    as(
            admin,
            post("/api/members/" + member + "/status")
                .header(HttpHeaders.IF_MATCH, etag("/api/members/" + member))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"status\":\"SUSPENDED\",\"effectiveOn\":\"2026-11-02\",\"basis\":\"LOST_CONTACT\",\"reason\":\"x\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("suspension-needs-six-months-lost-contact"));
    as(admin, get("/api/members/" + member)).andExpect(jsonPath("$.status").value("ACTIVE"));
  }

  @Test
  void correctionPeriodIsPublishedWithItsDueDateAndCanBeCleared() throws Exception {
    UUID member = id(register(admin, branchA, "限期改正", newIdNumber()));
    as(
            admin,
            post("/api/members/" + member + "/flags")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"flag\":\"CORRECTION_PERIOD\",\"startedOn\":\"2026-06-01\"}"))
        .andExpect(jsonPath("$.endsOn").value("2026-12-01"));
    JsonNode event =
        json.readTree(
            jdbc.queryForObject(
                "SELECT serialized_event FROM event_publication WHERE serialized_event LIKE ?"
                    + " AND serialized_event LIKE '%member.flag-changed%'",
                String.class, "%" + member + "%"));
    assertThat(event.get("payload").get("endsOn").asString()).isEqualTo("2026-12-01");
    as(admin, delete("/api/members/" + member + "/flags/CORRECTION_PERIOD"))
        .andExpect(status().isNoContent());
    as(admin, delete("/api/members/" + member + "/flags/CORRECTION_PERIOD"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aNamePrefixWithPercentOrUnderscoreMatchesThoseCharactersLiterally() throws Exception {
    UUID town = id(create(admin, committee, "通配测试镇党委", "PARTY_COMMITTEE"));
    UUID literal = id(create(admin, town, "100%_党支部", "BRANCH"));
    create(admin, town, "100号党支部", "BRANCH");
    create(admin, town, "1000党支部", "BRANCH");
    as(admin, get("/api/orgs").param("parentId", town.toString()).param("name", "100%_"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(literal.toString()));
    as(admin, get("/api/orgs").param("parentId", town.toString()).param("name", "100"))
        .andExpect(jsonPath("$.total").value(3));
  }
}
