package cn.dangjian.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns an aggregate root here shares: {@code id} BINARY(16) assigned by the application,
 * {@code created_at}/{@code updated_at} stamped with the instant the caller read from the platform
 * Clock, and an optimistic-lock {@code version} that starts at 0.
 *
 * <p>Timestamps are passed in, not read here, so an entity stays a plain object a test can build
 * with any instant.
 */
@MappedSuperclass
public abstract class VersionedEntity {

  @Id private UUID id;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  /** For JPA. */
  protected VersionedEntity() {}

  /** A new row with a fresh time-ordered id. */
  protected VersionedEntity(Instant now) {
    this(UuidV7.next(), now);
  }

  /** A new row whose id the caller chose first (e.g. because data is sealed to it). */
  protected VersionedEntity(UUID id, Instant now) {
    this.id = id;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Named apart from the entities' own {@code touch} so they may keep it package-private. */
  protected void markUpdated(Instant now) {
    this.updatedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
