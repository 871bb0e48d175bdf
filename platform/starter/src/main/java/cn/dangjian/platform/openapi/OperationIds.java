package cn.dangjian.platform.openapi;

import java.util.Locale;
import java.util.Set;

/**
 * Names operations the way a generated client calls them — {@code listMembers}, {@code
 * approveMeeting}, {@code getAlertHistory} — from the controller and the method, so a name is
 * stable when another method is added and unique across the platform. A method that needs another
 * name says so with {@code @Operation(operationId = …)}.
 */
public final class OperationIds {

  /** Verbs a GET handler's name may start with; any other GET name is a noun read with "get". */
  private static final Set<String> READ_VERBS =
      Set.of(
          "get",
          "list",
          "search",
          "find",
          "export",
          "download",
          "count",
          "check",
          "preview",
          "stream",
          "verify",
          "compare");

  /** Verbs whose operation acts on the whole collection: the resource is named in the plural. */
  private static final Set<String> COLLECTION_VERBS = Set.of("list", "search", "export", "count");

  private OperationIds() {}

  /**
   * @param httpMethod GET, POST…
   * @param resource what the controller serves, e.g. {@code Member} (from {@code MemberController})
   * @param methodName the Java method's name
   */
  public static String of(String httpMethod, String resource, String methodName) {
    String name = methodName;
    if ("GET".equals(httpMethod) && !READ_VERBS.contains(verb(name))) {
      name = "get" + capitalize(name);
    }
    if (name.toLowerCase(Locale.ROOT).contains(resource.toLowerCase(Locale.ROOT))) {
      return name;
    }
    String verb = verb(name);
    String rest = name.substring(verb.length());
    String noun = COLLECTION_VERBS.contains(verb) && rest.isEmpty() ? plural(resource) : resource;
    return verb + noun + rest;
  }

  /** The resource a controller class serves: its simple name without "Controller". */
  public static String resourceOf(Class<?> controller) {
    String simple = controller.getSimpleName();
    return simple.endsWith("Controller")
        ? simple.substring(0, simple.length() - "Controller".length())
        : simple;
  }

  private static String verb(String name) {
    int i = 1;
    while (i < name.length() && !Character.isUpperCase(name.charAt(i))) {
      i++;
    }
    return name.substring(0, i);
  }

  static String plural(String noun) {
    if (noun.endsWith("s")) {
      return noun;
    }
    if (noun.endsWith("y")
        && noun.length() > 1
        && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + "s";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
