package cn.dangjian.member.privacy;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Audit record of a read that touches personal data in bulk or by its value: an exact ID-number
 * search, a dry-run import (which answers "is this ID number registered?"), a roster export. Never
 * holds plaintext: a searched ID number is recorded as its keyed lookup hash.
 */
@Entity
@Table(name = "privacy_audit")
public class PrivacyAudit {

  /** What kind of read. */
  public enum Kind {
    ID_NUMBER_SEARCH,
    IMPORT_DRY_RUN,
    MEMBER_EXPORT
  }

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Kind kind;

  private String actor;

  @Column(name = "actor_org")
  private UUID actorOrg;

  @Column(name = "scope_path")
  private String scopePath;

  private String filter;

  @Column(name = "row_count")
  private Long rowCount;

  private boolean unmasked;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  protected PrivacyAudit() {}

  public PrivacyAudit(
      Kind kind,
      String actor,
      UUID actorOrg,
      String scopePath,
      String filter,
      Long rowCount,
      boolean unmasked,
      Instant occurredAt) {
    this.id = UuidV7.next();
    this.kind = kind;
    this.actor = actor;
    this.actorOrg = actorOrg;
    this.scopePath = scopePath;
    this.filter = filter == null || filter.length() <= 500 ? filter : filter.substring(0, 500);
    this.rowCount = rowCount;
    this.unmasked = unmasked;
    this.occurredAt = occurredAt;
  }

  public Kind getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  public String getFilter() {
    return filter;
  }

  public Long getRowCount() {
    return rowCount;
  }
}
