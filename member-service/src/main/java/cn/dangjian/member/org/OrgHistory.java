package cn.dangjian.member.org;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of an organisation (created, renamed, moved, dissolved) with old and new value. */
@Entity
@Table(name = "org_history")
public class OrgHistory {

  @Id private UUID id;

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "change_type")
  private String changeType;

  @Column(name = "old_value")
  private String oldValue;

  @Column(name = "new_value")
  private String newValue;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected OrgHistory() {}

  OrgHistory(
      UUID orgId,
      String changeType,
      String oldValue,
      String newValue,
      String changedBy,
      Instant at) {
    this.id = UuidV7.next();
    this.orgId = orgId;
    this.changeType = changeType;
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.changedBy = changedBy;
    this.changedAt = at;
  }

  public String getChangeType() {
    return changeType;
  }

  public String getOldValue() {
    return oldValue;
  }

  public String getNewValue() {
    return newValue;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
