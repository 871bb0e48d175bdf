package cn.dangjian.member.org;

import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.UnitType;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Party organisation in the tree, addressed by a materialised path of ids. */
@Entity
@Table(name = "org_unit")
public class Org extends VersionedEntity {

  @Column(name = "parent_id")
  private UUID parentId;

  private String name;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "org_type")
  private OrgType orgType;

  private String path;
  private int depth;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private OrgStatus status;

  @Column(name = "dissolved_on")
  private java.time.LocalDate dissolvedOn;

  @Column(name = "structure_warnings")
  private String structureWarnings;

  /** 单位类型 of the unit the organisation is set up in; UNSPECIFIED (未填) until known. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "unit_type")
  private UnitType unitType;

  /** 隶属关系 of that unit; UNSPECIFIED (未填) until known. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Affiliation affiliation;

  protected Org() {}

  private Org(
      UUID id, UUID parentId, String name, OrgType type, String path, int depth, Instant now) {
    super(id, now);
    this.parentId = parentId;
    this.name = name;
    this.orgType = type;
    this.path = path;
    this.depth = depth;
    this.status = OrgStatus.ACTIVE;
    this.structureWarnings = "";
    this.unitType = UnitType.UNSPECIFIED;
    this.affiliation = Affiliation.UNSPECIFIED;
  }

  static Org root(String name, OrgType type, Instant now) {
    OrgTreeRules.checkRoot(type);
    UUID id = UuidV7.next();
    return new Org(id, null, name, type, "/" + id + "/", 1, now);
  }

  Org child(String childName, OrgType childType, Instant now) {
    OrgTreeRules.checkChild(this, childType);
    UUID childId = UuidV7.next();
    return new Org(childId, getId(), childName, childType, path + childId + "/", depth + 1, now);
  }

  void rename(String newName, Instant now) {
    this.name = newName;
    markUpdated(now);
  }

  /** Sets the unit's 党内统计 classification (null stands for UNSPECIFIED). */
  void classify(UnitType newUnitType, Affiliation newAffiliation) {
    this.unitType = newUnitType == null ? UnitType.UNSPECIFIED : newUnitType;
    this.affiliation = newAffiliation == null ? Affiliation.UNSPECIFIED : newAffiliation;
  }

  void touch(Instant now) {
    markUpdated(now);
  }

  void dissolve(java.time.LocalDate on, Instant now) {
    this.status = OrgStatus.DISSOLVED;
    this.dissolvedOn = on;
    markUpdated(now);
  }

  /** Stores the warning codes last published, so only changes are published again. */
  public void recordStructureWarnings(String codes) {
    this.structureWarnings = codes;
  }

  public java.time.LocalDate getDissolvedOn() {
    return dissolvedOn;
  }

  public String getStructureWarnings() {
    return structureWarnings;
  }

  public UUID getParentId() {
    return parentId;
  }

  public String getName() {
    return name;
  }

  public OrgType getOrgType() {
    return orgType;
  }

  public String getPath() {
    return path;
  }

  public int getDepth() {
    return depth;
  }

  public OrgStatus getStatus() {
    return status;
  }

  public UnitType getUnitType() {
    return unitType;
  }

  public Affiliation getAffiliation() {
    return affiliation;
  }
}
