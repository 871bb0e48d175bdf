package cn.dangjian.member.approval;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a request (kept when a returned stage is reopened). */
@Entity
@Table(name = "approval_log")
class ApprovalLogEntry {

  @Id private UUID id;

  @Column(name = "approval_id")
  private UUID approvalId;

  private Instant at;
  private String actor;
  private String action;
  private int stage;
  private String comment;

  protected ApprovalLogEntry() {}

  ApprovalLogEntry(
      UUID approvalId, Instant at, String actor, String action, int stage, String comment) {
    this.id = UuidV7.next();
    this.approvalId = approvalId;
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.stage = stage;
    this.comment = comment;
  }

  Instant getAt() {
    return at;
  }

  String getActor() {
    return actor;
  }

  String getAction() {
    return action;
  }

  int getStage() {
    return stage;
  }

  String getComment() {
    return comment;
  }
}
