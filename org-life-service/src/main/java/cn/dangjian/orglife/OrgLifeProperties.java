package cn.dangjian.orglife;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of org-life-service under {@code dangjian.org-life.*}; every number is a default. */
@ConfigurationProperties("dangjian.org-life")
public class OrgLifeProperties {

  private ZoneId zone = ZoneId.of("Asia/Shanghai");
  private final Formalism formalism = new Formalism();
  private final Training training = new Training();
  private final Attachments attachments = new Attachments();

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }

  public Formalism getFormalism() {
    return formalism;
  }

  public Training getTraining() {
    return training;
  }

  public Attachments getAttachments() {
    return attachments;
  }

  /** Anti-formalism checks run on submit (flags, never blocks). */
  public static class Formalism {
    private double duplicateMinutesThreshold = 0.8;
    private int minMinutesLength = 30;
    private int identicalAttendanceRun = 4;
    private int lateEntryDays = 7;

    public double getDuplicateMinutesThreshold() {
      return duplicateMinutesThreshold;
    }

    public void setDuplicateMinutesThreshold(double duplicateMinutesThreshold) {
      this.duplicateMinutesThreshold = duplicateMinutesThreshold;
    }

    public int getMinMinutesLength() {
      return minMinutesLength;
    }

    public void setMinMinutesLength(int minMinutesLength) {
      this.minMinutesLength = minMinutesLength;
    }

    public int getIdenticalAttendanceRun() {
      return identicalAttendanceRun;
    }

    public void setIdenticalAttendanceRun(int identicalAttendanceRun) {
      this.identicalAttendanceRun = identicalAttendanceRun;
    }

    public int getLateEntryDays() {
      return lateEntryDays;
    }

    public void setLateEntryDays(int lateEntryDays) {
      this.lateEntryDays = lateEntryDays;
    }
  }

  /** Training hours (学时) requirements (DOMAIN.md §5) and the micro-lesson daily cap. */
  public static class Training {
    private BigDecimal microLessonDailyCapHours = BigDecimal.valueOf(2);
    private BigDecimal memberYearlyHours = BigDecimal.valueOf(32);
    private BigDecimal cadreYearlyHours = BigDecimal.valueOf(56);
    private int secretaryYearlyRotations = 1;

    public BigDecimal getMicroLessonDailyCapHours() {
      return microLessonDailyCapHours;
    }

    public void setMicroLessonDailyCapHours(BigDecimal microLessonDailyCapHours) {
      this.microLessonDailyCapHours = microLessonDailyCapHours;
    }

    public BigDecimal getMemberYearlyHours() {
      return memberYearlyHours;
    }

    public void setMemberYearlyHours(BigDecimal memberYearlyHours) {
      this.memberYearlyHours = memberYearlyHours;
    }

    public BigDecimal getCadreYearlyHours() {
      return cadreYearlyHours;
    }

    public void setCadreYearlyHours(BigDecimal cadreYearlyHours) {
      this.cadreYearlyHours = cadreYearlyHours;
    }

    public int getSecretaryYearlyRotations() {
      return secretaryYearlyRotations;
    }

    public void setSecretaryYearlyRotations(int secretaryYearlyRotations) {
      this.secretaryYearlyRotations = secretaryYearlyRotations;
    }
  }

  /** Meeting attachments: where files live, how large and which types. */
  public static class Attachments {
    private Path directory = Path.of(System.getProperty("java.io.tmpdir"), "dangjian", "orglife");
    private DataSize maxSize = DataSize.ofMegabytes(10);
    private List<String> allowedTypes =
        List.of("image/jpeg", "image/png", "application/pdf", "text/plain");

    public Path getDirectory() {
      return directory;
    }

    public void setDirectory(Path directory) {
      this.directory = directory;
    }

    public DataSize getMaxSize() {
      return maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
      this.maxSize = maxSize;
    }

    public List<String> getAllowedTypes() {
      return allowedTypes;
    }

    public void setAllowedTypes(List<String> allowedTypes) {
      this.allowedTypes = allowedTypes;
    }
  }
}
