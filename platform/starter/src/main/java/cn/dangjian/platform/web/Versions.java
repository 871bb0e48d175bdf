package cn.dangjian.platform.web;

import cn.dangjian.platform.problem.ProblemException;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over HTTP: reads and writes answer with {@code ETag: "<version>"}, updates
 * must send it back in {@code If-Match} (taken as an {@link ExpectedVersion} parameter). Missing →
 * 428, stale or malformed → 412, so a lost update cannot happen.
 */
public final class Versions {

  private Versions() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** 200 with the body and its version as the ETag. */
  public static <T> ResponseEntity<T> ok(T body, long version) {
    return ResponseEntity.ok().eTag(etag(version)).body(body);
  }

  /** 201 with the new resource's address, the body and its version as the ETag. */
  public static <T> ResponseEntity<T> created(String location, T body, long version) {
    return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(body);
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
