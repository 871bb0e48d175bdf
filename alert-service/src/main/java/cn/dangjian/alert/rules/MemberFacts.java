package cn.dangjian.alert.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What alert-service knows of one member, from events only: the projection (org, status, stage) and
 * its own state (attendance, dues, training, pipeline, flags, transfer).
 *
 * @param absentSince the first meeting missed since the member last attended, null if none
 * @param missedSinceAbsent meetings missed since then
 * @param secretary whether the member is the branch secretary (for the 56-hour requirement)
 */
public record MemberFacts(
    UUID memberId,
    UUID orgId,
    String orgPath,
    String orgType,
    String status,
    String stage,
    LocalDate lastAttendedOn,
    LocalDate absentSince,
    int missedSinceAbsent,
    int arrearsMonths,
    String arrearsSince,
    long arrearsFen,
    Integer trainingYear,
    BigDecimal trainingHours,
    boolean secretary,
    String lastStep,
    LocalDate lastStepOn,
    String nextStep,
    LocalDate nextDueOn,
    LocalDate lostContactSince,
    LocalDate correctionEndsOn,
    LocalDate disciplineEndsOn,
    UUID transferId,
    LocalDate transferSince,
    LocalDate transferValidUntil) {

  /** Rules about a member apply while the member is on the register (正常 status). */
  public boolean onRegister() {
    return "ACTIVE".equals(status);
  }

  /** Admitted (probationary or full): attends organisational life, pays dues, trains. */
  public boolean admitted() {
    return "PROBATIONARY".equals(stage) || "FULL".equals(stage);
  }

  public BigDecimal hoursIn(int year) {
    return trainingYear != null && trainingYear == year && trainingHours != null
        ? trainingHours
        : BigDecimal.ZERO;
  }
}
