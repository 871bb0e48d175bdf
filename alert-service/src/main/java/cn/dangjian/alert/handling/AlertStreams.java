package cn.dangjian.alert.handling;

import cn.dangjian.platform.scope.DataScope;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live streams of alert changes for the controller's {@code /stream}; implemented by the push
 * module, which owns the streams, so this module need not depend on it.
 */
public interface AlertStreams {

  /**
   * A stream for the caller, or empty when the caller holds the maximum already; it ends when the
   * caller's token expires or after {@code maxMillis}, whichever comes first.
   */
  Optional<SseEmitter> open(String caller, DataScope scope, Instant expiresAt, long maxMillis);
}
