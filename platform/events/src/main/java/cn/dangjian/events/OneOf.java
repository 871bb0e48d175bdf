package cn.dangjian.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The closed set of values a string component carries, given as an enum of the published language
 * so the AsyncAPI document shows it as a named enum schema. Payloads stay plain strings on the wire
 * (the producer's own enum stays its own); consumers still skip values they don't know, since
 * schemas only grow. Only for sets the producer owns completely: an "e.g." list stays a string.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface OneOf {

  Class<? extends Enum<?>> value();
}
