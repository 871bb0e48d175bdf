package cn.dangjian.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two gateway instances' limiters (each its own pool and local state) on the real database: a burst
 * through both together is held to one budget, give or take the documented tolerance of {@code
 * instances × syncTokens}; a limiter whose database is unreachable keeps answering from its own
 * buckets.
 */
class SharedBucketsTest {

  private static final int SYNC_TOKENS = 3;
  private static final SharedBuckets.Settings SETTINGS =
      new SharedBuckets.Settings(
          SYNC_TOKENS, Duration.ofMillis(200), Duration.ofSeconds(30), 10_000, true);

  /** 20 at once, then one every 100 s: nothing refills during a test. */
  private static final SharedBuckets.Limit CALLER = new SharedBuckets.Limit("caller", 0.01, 20);

  private static final SharedBuckets.Limit ADDRESS = new SharedBuckets.Limit("address", 0.01, 8);

  private static String url;
  private static final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  static void database() {
    url = TestDatabase.fresh("gateway_limits_test");
  }

  @AfterAll
  static void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  private static SharedBuckets instance(String jdbcUrl) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(TestDatabase.user());
    pool.setPassword(TestDatabase.password());
    pool.setMaximumPoolSize(4);
    pool.setConnectionTimeout(500);
    pool.setInitializationFailTimeout(-1);
    SharedBuckets buckets = new SharedBuckets(pool, SETTINGS);
    opened.add(buckets);
    opened.add(pool);
    return buckets;
  }

  /** {@code requests} charges, alternating between the instances, 4 in flight at a time. */
  private static int admitted(
      List<SharedBuckets> instances, SharedBuckets.Limit limit, String key, int requests) {
    AtomicInteger allowed = new AtomicInteger();
    Flux.range(0, requests)
        .flatMap(
            i ->
                instances
                    .get(i % instances.size())
                    .tryAcquire(limit, key)
                    .doOnNext(
                        wait -> {
                          if (wait == SharedBuckets.ALLOWED) {
                            allowed.incrementAndGet();
                          }
                        }),
            4)
        .blockLast(Duration.ofSeconds(60));
    return allowed.get();
  }

  @Test
  void twoInstancesTogetherAdmitOneCallersBudgetNotTwo() {
    List<SharedBuckets> gateways = List.of(instance(url), instance(url));

    int allowed = admitted(gateways, CALLER, "caller-a", 100);

    // alone, each instance would have admitted 20 (40 in all)
    assertThat(allowed).isBetween(20, 20 + 2 * SYNC_TOKENS);
    // and the next request, on either instance, waits for the refill (100 s for one token)
    Long retryAfter = gateways.get(0).tryAcquire(CALLER, "caller-a").block();
    assertThat(retryAfter).isGreaterThan(SharedBuckets.ALLOWED);
    assertThat(gateways.get(1).sharing()).isTrue();
  }

  @Test
  void unauthenticatedTrafficIsHeldPerClientAddressAcrossInstances() {
    List<SharedBuckets> gateways = List.of(instance(url), instance(url));

    int scraper = admitted(gateways, ADDRESS, "203.0.113.7", 60);
    int other = admitted(gateways, ADDRESS, "203.0.113.8", 2);

    assertThat(scraper).isBetween(8, 8 + 2 * SYNC_TOKENS);
    assertThat(other).as("another address has its own budget").isEqualTo(2);
  }

  @Test
  void anUnreachableDatabaseLeavesEachInstanceWithItsOwnLimitAndNoErrors() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SharedBuckets cut = instance("jdbc:mysql://127.0.0.1:" + closedPort + "/gateway_db");

    long started = System.nanoTime();
    List<Long> answers =
        Flux.range(0, 40)
            .concatMap(i -> cut.tryAcquire(CALLER, "caller-b"))
            .onErrorResume(failure -> Mono.just(-1L))
            .collectList()
            .block(Duration.ofSeconds(30));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(answers).doesNotContain(-1L);
    // the local bucket: 20 admitted, then Retry-After
    assertThat(answers.stream().filter(wait -> wait == SharedBuckets.ALLOWED)).hasSize(20);
    assertThat(answers.get(39)).isGreaterThan(SharedBuckets.ALLOWED);
    // only the first call waited for the database; then the breaker keeps it out
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(cut.sharing()).isFalse();
  }
}
