package cn.dangjian.orglife;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of org-life-service under {@code dangjian.org-life.*}; every number is a default.
 *
 * @param zone calendar rules (month, quarter, year) are evaluated in this zone
 * @param formalism anti-formalism checks run on submit
 * @param training training hours (学时) requirements
 * @param attachments meeting attachments
 */
@ConfigurationProperties("dangjian.org-life")
public record OrgLifeProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue Formalism formalism,
    @DefaultValue Training training,
    @DefaultValue Attachments attachments) {

  /**
   * Anti-formalism checks run on submit (flags, never blocks).
   *
   * @param duplicateMinutesThreshold estimated Jaccard similarity of minutes (character 5-shingles,
   *     MinHash) that raises a flag
   * @param minMinutesLength minutes shorter than this (after normalisation) are not compared
   * @param identicalAttendanceRun consecutive full-attendance meetings with the identical attendee
   *     list that raise a flag
   * @param lateEntryDays a record first entered more than this many days after the meeting is
   *     flagged
   */
  public record Formalism(
      @DefaultValue("0.8") double duplicateMinutesThreshold,
      @DefaultValue("30") int minMinutesLength,
      @DefaultValue("4") int identicalAttendanceRun,
      @DefaultValue("7") int lateEntryDays) {}

  /**
   * Training hours (学时) requirements (DOMAIN.md §5) and the micro-lesson daily cap.
   *
   * @param microLessonDailyCapHours micro-lesson (微党课) hours credited per member per day at most
   * @param memberYearlyHours hours a member needs per year
   * @param cadreYearlyHours hours a secretary or committee member needs per year
   * @param secretaryYearlyRotations 集中轮训 a secretary needs per year
   */
  public record Training(
      @DefaultValue("2") BigDecimal microLessonDailyCapHours,
      @DefaultValue("32") BigDecimal memberYearlyHours,
      @DefaultValue("56") BigDecimal cadreYearlyHours,
      @DefaultValue("1") int secretaryYearlyRotations) {}

  /**
   * Meeting attachments: where files live, how large and which types.
   *
   * @param directory where the files are stored; default {@code ${java.io.tmpdir}/dangjian/orglife}
   * @param maxSize largest accepted file
   * @param allowedTypes accepted content types
   */
  public record Attachments(
      Path directory,
      @DefaultValue("10MB") DataSize maxSize,
      @DefaultValue({"image/jpeg", "image/png", "application/pdf", "text/plain"})
          List<String> allowedTypes) {

    public Attachments {
      if (directory == null) {
        directory = Path.of(System.getProperty("java.io.tmpdir"), "dangjian", "orglife");
      }
      allowedTypes = List.copyOf(allowedTypes);
    }
  }
}
