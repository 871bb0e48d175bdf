package cn.dangjian.platform.lifecycle;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing a stopping service does: keep serving for {@code drainDelay} while its readiness
 * already answers "refusing traffic" (Spring Boot reports that as soon as the context starts to
 * close), so a load balancer that polls readiness (the gateway's, with replicas in devstack) stops
 * sending before the web server stops accepting and drains. Kubernetes does the same with the pods'
 * preStop pause, so there the delay stays 0.
 */
public class ShutdownDrain implements SmartLifecycle {

  private final Duration drainDelay;
  private volatile boolean running;

  public ShutdownDrain(Duration drainDelay) {
    this.drainDelay = drainDelay;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (!drainDelay.isZero() && !drainDelay.isNegative()) {
      try {
        Thread.sleep(drainDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before everything else: Kafka listeners, db-scheduler and the web server. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
