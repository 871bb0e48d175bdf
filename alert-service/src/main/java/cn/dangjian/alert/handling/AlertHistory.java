package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** Every step of an alert's life: who, when, what, from which state to which, with what note. */
@Entity
@Table(name = "alert_history")
public class AlertHistory implements Persistable<UUID> {

  @Id private UUID id;
  private UUID alertId;
  private Instant at;
  private String actor;
  private String action;

  @Enumerated(EnumType.STRING)
  private AlertStatus fromStatus;

  @Enumerated(EnumType.STRING)
  private AlertStatus toStatus;

  @Enumerated(EnumType.STRING)
  private Severity severity;

  private String note;
  private String attachments;

  protected AlertHistory() {}

  AlertHistory(
      Alert alert,
      String actor,
      String action,
      AlertStatus fromStatus,
      String note,
      String attachments,
      Instant at) {
    this.id = UuidV7.next();
    this.alertId = alert.getId();
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.fromStatus = fromStatus;
    this.toStatus = alert.getStatus();
    this.severity = alert.getSeverity();
    this.note = note;
    this.attachments = attachments;
  }

  public UUID getId() {
    return id;
  }

  /** History is written once and never changed: save() persists without selecting first. */
  @Override
  public boolean isNew() {
    return true;
  }

  public UUID getAlertId() {
    return alertId;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public AlertStatus getFromStatus() {
    return fromStatus;
  }

  public AlertStatus getToStatus() {
    return toStatus;
  }

  public Severity getSeverity() {
    return severity;
  }

  public String getNote() {
    return note;
  }

  public String getAttachments() {
    return attachments;
  }
}
