package cn.dangjian.platform.events;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;

/**
 * Whether the Kafka cluster answers right now. A send acknowledged in the last few seconds says so
 * without asking: after a broker restart the services' producers reconnect before an idle admin
 * client does (in the fault suite, new events were acknowledged 6 s before the probe answered).
 * Otherwise one metadata request on an admin client kept open between rounds (creating one per
 * question costs threads and a connection). Its timeout is generous: the admin client drops a
 * connection whose request timed out, and right after a restart a TLS and SCRAM handshake on busy
 * cores can take longer than a second — a 1 s timeout kept the probe failing for 11 s. A round with
 * the broker gone waits that long once, and sends nothing.
 */
public class BrokerProbe implements BooleanSupplier, DisposableBean {

  private static final Duration RECENT_SEND = Duration.ofSeconds(5);

  private final Map<String, Object> adminConfig;
  private final Duration timeout;
  private final LongSupplier nanoClock;
  private volatile long lastAcknowledgedSend = Long.MIN_VALUE;
  private Admin admin;

  public BrokerProbe(Map<String, Object> adminConfig, Duration timeout) {
    this(adminConfig, timeout, System::nanoTime);
  }

  BrokerProbe(Map<String, Object> adminConfig, Duration timeout, LongSupplier nanoClock) {
    this.adminConfig = Map.copyOf(adminConfig);
    this.timeout = timeout;
    this.nanoClock = nanoClock;
  }

  /** The broker acknowledged a send (called by the producer listener). */
  public void sendAcknowledged() {
    lastAcknowledgedSend = nanoClock.getAsLong();
  }

  /** Whether the broker acknowledged a send in the last 5 s. */
  public boolean acknowledgedRecently() {
    long last = lastAcknowledgedSend;
    return last != Long.MIN_VALUE && nanoClock.getAsLong() - last < RECENT_SEND.toNanos();
  }

  @Override
  public boolean getAsBoolean() {
    return acknowledgedRecently() || askTheCluster();
  }

  private synchronized boolean askTheCluster() {
    try {
      if (admin == null) {
        admin = Admin.create(adminConfig);
      }
      int millis = (int) timeout.toMillis();
      return !admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(millis))
          .nodes()
          .get(millis + 500L, TimeUnit.MILLISECONDS)
          .isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
      admin = null;
    }
  }
}
