package cn.dangjian.member.community;

import cn.dangjian.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A serving member's registration with a community 党组织 (报到). */
@Entity
@Table(name = "community_registration")
public class CommunityRegistration extends VersionedEntity {

  static final String ACTIVE = "ACTIVE";
  static final String ENDED = "ENDED";

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "member_org_id")
  private UUID memberOrgId;

  @Column(name = "member_org_path")
  private String memberOrgPath;

  @Column(name = "community_org_id")
  private UUID communityOrgId;

  @Column(name = "community_org_path")
  private String communityOrgPath;

  @Column(name = "registered_on")
  private LocalDate registeredOn;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  private String status;

  @Column(name = "open_key")
  private UUID openKey;

  protected CommunityRegistration() {}

  CommunityRegistration(
      UUID memberId,
      UUID memberOrgId,
      String memberOrgPath,
      UUID communityOrgId,
      String communityOrgPath,
      LocalDate registeredOn,
      Instant now) {
    super(now);
    this.memberId = memberId;
    this.memberOrgId = memberOrgId;
    this.memberOrgPath = memberOrgPath;
    this.communityOrgId = communityOrgId;
    this.communityOrgPath = communityOrgPath;
    this.registeredOn = registeredOn;
    this.status = ACTIVE;
    this.openKey = memberId;
  }

  void end(LocalDate on, Instant now) {
    this.endedOn = on;
    this.status = ENDED;
    this.openKey = null;
    markUpdated(now);
  }

  boolean active() {
    return ACTIVE.equals(status);
  }

  public UUID getMemberId() {
    return memberId;
  }

  public UUID getMemberOrgId() {
    return memberOrgId;
  }

  public String getMemberOrgPath() {
    return memberOrgPath;
  }

  public UUID getCommunityOrgId() {
    return communityOrgId;
  }

  public String getCommunityOrgPath() {
    return communityOrgPath;
  }

  public LocalDate getRegisteredOn() {
    return registeredOn;
  }

  public LocalDate getEndedOn() {
    return endedOn;
  }

  public String getStatus() {
    return status;
  }
}
