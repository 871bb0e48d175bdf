package cn.dangjian.testsupport.api;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A producing service's own enum against the enum of the published language it is sent as (the
 * {@code @OneOf} of a payload component, shown in {@code api/asyncapi.yaml}): the same names, so
 * the document never promises fewer values than the service sends, nor values it never sends.
 */
public final class PublishedValues {

  private PublishedValues() {}

  public static void assertPublishedAs(
      Class<? extends Enum<?>> own, Class<? extends Enum<?>> published) {
    Set<String> sent = names(own);
    Set<String> documented = names(published);
    if (!sent.equals(documented)) {
      throw new AssertionError(
          own.getName()
              + " sends "
              + sent
              + " but "
              + published.getName()
              + " (api/asyncapi.yaml) says "
              + documented
              + ": change the published enum too and regenerate api/asyncapi.yaml");
    }
  }

  private static Set<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
