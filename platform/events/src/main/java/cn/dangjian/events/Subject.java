package cn.dangjian.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the payload component whose value is the envelope's {@code subjectId} — which is also the
 * Kafka key and the CloudEvents {@code ce_subject}. The AsyncAPI document says from it what a topic
 * is keyed (and so ordered) by; {@code EventSamplesTest} checks it against every sample.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subject {

  /** The payload component, e.g. {@code memberId}. */
  String value();

  /** What the subject is, e.g. {@code member}, {@code org}, {@code meeting}. */
  String kind();
}
