package cn.dangjian.platform.events;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;

/**
 * Whether the Kafka cluster answers right now: one metadata request with a short timeout, on an
 * admin client kept open between rounds (creating one per question costs threads and a connection).
 */
public class BrokerProbe implements BooleanSupplier, DisposableBean {

  private final Map<String, Object> adminConfig;
  private final Duration timeout;
  private Admin admin;

  public BrokerProbe(Map<String, Object> adminConfig, Duration timeout) {
    this.adminConfig = Map.copyOf(adminConfig);
    this.timeout = timeout;
  }

  @Override
  public synchronized boolean getAsBoolean() {
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
