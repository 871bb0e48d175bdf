package cn.dangjian.platform.web;

import cn.dangjian.platform.problem.ProblemException;

/**
 * Optimistic locking over HTTP: reads send {@code ETag: "<version>"}, updates must send it back in
 * {@code If-Match}. Missing → 428, stale or malformed → 412, so a lost update cannot happen.
 */
public final class Versions {

  private Versions() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  public static long fromIfMatch(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired();
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ProblemException.preconditionFailed();
    }
  }
}
