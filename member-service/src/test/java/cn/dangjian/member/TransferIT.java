package cn.dangjian.member;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Transfers through the API: who acts at each step, and when the member changes branch. */
class TransferIT extends ApiTestSupport {

  private ResultActions act(String token, UUID transfer, String action, String body)
      throws Exception {
    return as(
        token,
        post("/api/members/transfers/" + transfer + "/" + action)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private UUID requestInternal(UUID member, UUID to) throws Exception {
    String body =
        "{\"memberId\":\""
            + member
            + "\",\"direction\":\"INTERNAL\",\"toOrgId\":\""
            + to
            + "\",\"reason\":\"工作调动\",\"requestedOn\":\"2026-11-01\"}";
    return id(
        read(
            as(
                    secretaryOf(branchA),
                    post("/api/members/transfers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())));
  }

  @Test
  void sendingBranchStaysResponsibleUntilTheReceivingBranchReceives() throws Exception {
    UUID member = id(register(admin, branchA, "调动党员", newIdNumber()));
    UUID transfer = requestInternal(member, branchB);
    String a = secretaryOf(branchA);
    String b = secretaryOf(branchB);

    act(b, transfer, "approve-out", "{\"on\":\"2026-11-02\"}").andExpect(status().isForbidden());
    act(a, transfer, "approve-out", "{\"on\":\"2026-11-02\"}")
        .andExpect(jsonPath("$.status").value("APPROVED_OUT"));
    act(a, transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"城组转〔2026〕15号\"}")
        .andExpect(jsonPath("$.status").value("IN_TRANSIT"))
        .andExpect(jsonPath("$.validUntil").value("2027-02-01"));
    // in transit: still branch A's member, and B already sees the incoming transfer
    as(a, get("/api/members/" + member)).andExpect(status().isOk());
    as(b, get("/api/members/" + member)).andExpect(status().isNotFound());
    as(b, get("/api/members/transfers").param("status", "IN_TRANSIT"))
        .andExpect(jsonPath("$.total").value(1));

    act(a, transfer, "receive", "{\"on\":\"2026-11-10\"}").andExpect(status().isForbidden());
    act(b, transfer, "receive", "{\"on\":\"2026-11-10\"}")
        .andExpect(jsonPath("$.status").value("RECEIVED"));
    as(b, get("/api/members/" + member)).andExpect(jsonPath("$.orgId").value(branchB.toString()));
    as(a, get("/api/members/" + member)).andExpect(status().isNotFound());
    act(b, transfer, "complete", "{\"on\":\"2026-11-12\"}")
        .andExpect(jsonPath("$.status").value("COMPLETED"));
  }

  /**
   * Walks an internal transfer from A to B up to {@code upTo} (APPROVED_OUT, IN_TRANSIT, RECEIVED).
   */
  private UUID transferAt(String upTo) throws Exception {
    UUID member = id(register(admin, branchA, "转接" + SERIAL.incrementAndGet(), newIdNumber()));
    UUID transfer = requestInternal(member, branchB);
    String a = secretaryOf(branchA);
    act(a, transfer, "approve-out", "{\"on\":\"2026-11-02\"}").andExpect(status().isOk());
    if (!upTo.equals("APPROVED_OUT")) {
      act(a, transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"L-9\"}")
          .andExpect(status().isOk());
    }
    if (upTo.equals("RECEIVED")) {
      act(secretaryOf(branchB), transfer, "receive", "{\"on\":\"2026-11-10\"}")
          .andExpect(status().isOk());
    }
    return transfer;
  }

  @Test
  void sendingBranchCannotCompleteATransferOnlyTheReceivingSideCan() throws Exception {
    UUID transfer = transferAt("RECEIVED");
    act(secretaryOf(branchA), transfer, "complete", "{\"on\":\"2026-11-12\"}")
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    as(admin, get("/api/members/transfers/" + transfer))
        .andExpect(jsonPath("$.status").value("RECEIVED"));
    UUID stranger = id(create(admin, committee, "无关党支部", "BRANCH"));
    act(secretaryOf(stranger), transfer, "complete", "{\"on\":\"2026-11-12\"}")
        .andExpect(status().isNotFound());
    act(secretaryOf(branchB), transfer, "complete", "{\"on\":\"2026-11-12\"}")
        .andExpect(jsonPath("$.status").value("COMPLETED"));
  }

  @Test
  void receivingBranchCannotIssueTheLetterOrRevokeTheSendersTransfer() throws Exception {
    UUID transfer = transferAt("APPROVED_OUT");
    String b = secretaryOf(branchB);
    act(b, transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"FAKE-1\"}")
        .andExpect(status().isForbidden());
    act(b, transfer, "revoke", "{\"reason\":\"不想要\"}").andExpect(status().isForbidden());
    as(admin, get("/api/members/transfers/" + transfer))
        .andExpect(jsonPath("$.status").value("APPROVED_OUT"));
  }

  @Test
  void sendingBranchCannotRejectOnTheReceiversBehalf() throws Exception {
    UUID transfer = transferAt("IN_TRANSIT");
    act(secretaryOf(branchA), transfer, "reject", "{\"reason\":\"冒充接收方退回\"}")
        .andExpect(status().isForbidden());
    act(secretaryOf(branchB), transfer, "reject", "{\"reason\":\"查无此人\"}")
        .andExpect(jsonPath("$.status").value("REJECTED"));
  }

  @Test
  void outboundTransferIsCompletedByTheSendingBranchThatRecordsTheReceipt() throws Exception {
    UUID member = id(register(admin, branchA, "转出回执", newIdNumber()));
    String a = secretaryOf(branchA);
    String body =
        "{\"memberId\":\""
            + member
            + "\",\"direction\":\"OUTBOUND\",\"externalOrg\":\"外省某单位党委\""
            + ",\"reason\":\"调往外省\",\"requestedOn\":\"2026-11-01\"}";
    UUID transfer =
        id(
            read(
                as(
                        a,
                        post("/api/members/transfers")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated())));
    act(a, transfer, "approve-out", "{\"on\":\"2026-11-02\"}");
    // the letter out of the system is the 基层党委's (转出党委开具), not the branch's
    act(a, transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"L-3\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    act(secretaryOf(committee), transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"L-3\"}")
        .andExpect(status().isOk());
    act(a, transfer, "receive", "{\"on\":\"2026-11-20\"}").andExpect(status().isOk());
    act(a, transfer, "complete", "{\"on\":\"2026-11-25\"}")
        .andExpect(jsonPath("$.status").value("COMPLETED"));
  }

  @Test
  void secondTransferWhileOneIsOpenIsRefused() throws Exception {
    UUID member = id(register(admin, branchA, "重复申请", newIdNumber()));
    requestInternal(member, branchB);
    String body =
        "{\"memberId\":\""
            + member
            + "\",\"direction\":\"INTERNAL\",\"toOrgId\":\""
            + branchB
            + "\",\"reason\":\"x\",\"requestedOn\":\"2026-11-01\"}";
    as(admin, post("/api/members/transfers").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("transfer-already-open"));
  }

  @Test
  void outboundTransferLeavesTheRecordAsTransferredOut() throws Exception {
    UUID member = id(register(admin, branchA, "转出党员", newIdNumber()));
    String body =
        "{\"memberId\":\""
            + member
            + "\",\"direction\":\"OUTBOUND\",\"externalOrg\":\"某省某市某单位党委\""
            + ",\"reason\":\"调往外省\",\"requestedOn\":\"2026-11-01\"}";
    UUID transfer =
        id(
            read(
                as(
                        admin,
                        post("/api/members/transfers")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated())));
    act(admin, transfer, "approve-out", "{\"on\":\"2026-11-02\"}");
    act(admin, transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"L-1\",\"validDays\":30}");
    act(admin, transfer, "receive", "{\"on\":\"2026-11-20\"}")
        .andExpect(jsonPath("$.status").value("RECEIVED"));
    as(admin, get("/api/members/" + member))
        .andExpect(jsonPath("$.status").value("TRANSFERRED_OUT"));
  }

  @Test
  void transferToAnotherPartyCommitteeIsIssuedAndReceivedByTheTwoCommittees() throws Exception {
    UUID otherCommittee =
        id(create(admin, null, "邻镇党委" + SERIAL.incrementAndGet(), "PARTY_COMMITTEE"));
    UUID otherBranch = id(create(admin, otherCommittee, "邻镇第一党支部", "BRANCH"));
    UUID member = id(register(admin, branchA, "跨党委转接", newIdNumber()));
    UUID transfer = requestInternal(member, otherBranch);
    String a = secretaryOf(branchA);
    String receivingBranch = secretaryOf(otherBranch);
    act(a, transfer, "approve-out", "{\"on\":\"2026-11-02\"}").andExpect(status().isOk());
    act(a, transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"跨-1\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.decidingBody").value("PRIMARY_COMMITTEE"));
    act(secretaryOf(committee), transfer, "issue", "{\"on\":\"2026-11-03\",\"letterNo\":\"跨-1\"}")
        .andExpect(jsonPath("$.status").value("IN_TRANSIT"));
    act(receivingBranch, transfer, "receive", "{\"on\":\"2026-11-10\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("decided-by-higher-body"));
    act(secretaryOf(otherCommittee), transfer, "receive", "{\"on\":\"2026-11-10\"}")
        .andExpect(jsonPath("$.status").value("RECEIVED"));
    as(admin, get("/api/members/" + member))
        .andExpect(jsonPath("$.orgId").value(otherBranch.toString()));
  }

  @Test
  void expiredLetterCannotBeReceived() throws Exception {
    UUID member = id(register(admin, branchA, "逾期党员", newIdNumber()));
    UUID transfer = requestInternal(member, branchB);
    act(admin, transfer, "approve-out", "{\"on\":\"2026-07-02\"}");
    act(admin, transfer, "issue", "{\"on\":\"2026-07-03\",\"letterNo\":\"L-2\"}");
    act(admin, transfer, "receive", "{\"on\":\"2026-11-20\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.rule").value("letter-expired"));
    act(admin, transfer, "revoke", "{\"reason\":\"逾期作废\"}")
        .andExpect(jsonPath("$.status").value("REVOKED"));
  }

  @Test
  void anotherBranchCannotSeeATransferItIsNotPartOf() throws Exception {
    UUID member = id(register(admin, branchA, "转接", newIdNumber()));
    UUID transfer = requestInternal(member, branchB);
    UUID stranger = id(create(admin, committee, "无关党支部", "BRANCH"));
    as(secretaryOf(stranger), get("/api/members/transfers/" + transfer))
        .andExpect(status().isNotFound());
  }

  @Test
  void aTransferMovesWithItsSubtreeSoTheNewSuperiorSeesItAndTheOldOneDoesNot() throws Exception {
    UUID oldTown = id(create(admin, committee, "迁出镇党委", "PARTY_COMMITTEE"));
    UUID newTown = id(create(admin, committee, "迁入镇党委", "PARTY_COMMITTEE"));
    UUID branch = id(create(admin, oldTown, "随迁党支部", "BRANCH"));
    UUID member = id(register(admin, branch, "待转党员", newIdNumber()));
    String body =
        "{\"memberId\":\""
            + member
            + "\",\"direction\":\"INTERNAL\",\"toOrgId\":\""
            + branchB
            + "\",\"reason\":\"工作调动\",\"requestedOn\":\"2026-11-01\"}";
    UUID transfer =
        id(
            read(
                as(
                        secretaryOf(branch),
                        post("/api/members/transfers")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated())));
    String etag =
        as(admin, get("/api/orgs/" + branch))
            .andReturn()
            .getResponse()
            .getHeader(org.springframework.http.HttpHeaders.ETAG);
    as(
            admin,
            post("/api/orgs/" + branch + "/move")
                .header(org.springframework.http.HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"newParentId\":\"" + newTown + "\"}"))
        .andExpect(status().isOk());

    as(secretaryOf(newTown), get("/api/members/transfers/" + transfer)).andExpect(status().isOk());
    as(secretaryOf(oldTown), get("/api/members/transfers/" + transfer))
        .andExpect(status().isNotFound());
    // the sending branch, now under the new town, still acts on it
    act(secretaryOf(branch), transfer, "approve-out", "{\"on\":\"2026-11-02\"}")
        .andExpect(jsonPath("$.status").value("APPROVED_OUT"));
  }
}
