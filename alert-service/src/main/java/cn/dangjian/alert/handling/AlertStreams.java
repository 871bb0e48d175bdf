package cn.dangjian.alert.handling;

import cn.dangjian.platform.scope.DataScope;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live streams of alert changes for the controller's {@code /stream}; implemented by the push
 * module, which owns the streams, so this module need not depend on it.
 */
public interface AlertStreams {

  /**
   * Who a stream is for and where it resumes.
   *
   * @param subject the token's subject: the per-caller connection limit counts by it
   * @param username the token's user name: events pushed to one user reach it
   * @param scope the org subtree whose alert events it carries
   * @param expiresAt the expiry of the caller's token (for a ticket, of the token that bought it)
   * @param lastEventId the last event the client saw ({@code Last-Event-ID}), or null for none; an
   *     id that is not a number from this service (older clients) resets the client
   */
  record Subscriber(
      String subject,
      String username,
      DataScope scope,
      Instant expiresAt,
      @Nullable String lastEventId) {}

  /**
   * A stream for the caller, or empty when the caller holds the maximum already; it ends when the
   * caller's token expires or after {@code maxMillis}, whichever comes first.
   */
  Optional<SseEmitter> open(Subscriber subscriber, long maxMillis);
}
