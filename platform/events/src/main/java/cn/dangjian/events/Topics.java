package cn.dangjian.events;

/** Kafka topic names. Each service publishes to exactly one; poison messages go to {@code .DLT}. */
public final class Topics {

  public static final String MEMBER_EVENTS = "member.events";
  public static final String DUES_EVENTS = "dues.events";
  public static final String ORGLIFE_EVENTS = "orglife.events";
  public static final String ASSESSMENT_EVENTS = "assessment.events";
  public static final String ALERT_EVENTS = "alert.events";

  public static final String DLT_SUFFIX = ".DLT";

  private Topics() {}

  public static String deadLetterOf(String topic) {
    return topic + DLT_SUFFIX;
  }
}
