package cn.dangjian.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Retries outbox entries that were not delivered (Kafka was down at commit time) until they are. A
 * send that failed (Modulith marked it {@code FAILED}) is retried in the first round after the
 * broker answers again, so the backlog leaves within a round (1 s) of the broker's return; an entry
 * still in flight is retried only once it is older than {@code resubmitAfter} (its replica died
 * mid-send), so a slow send is not doubled. Consumers are idempotent for the rare duplicate anyway.
 * While the broker does not answer nothing is resent: each send would block for {@code
 * max.block.ms}. A db-scheduler recurring task runs it, on one replica per round.
 *
 * <p>Each entry is read first: one that cannot be read (its event class is gone, its serialized
 * event is corrupt) would fail Modulith's load of all of them, or be retried forever. It is moved
 * to {@code event_publication_unreadable} and logged once at WARN with its id and type; the others
 * are resubmitted.
 */
public class IncompletePublicationResubmitter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IncompletePublicationResubmitter.class);
  private static final int ENTRIES_PER_ROUND = 1_000;

  /**
   * Modulith claims and dispatches the entries one after another, a database round trip each: in
   * the fault suite ≈ 280 entries took 23 s after a broker restart. Shares of the backlog are
   * claimed side by side (the claim is an atomic status update, so no entry is sent twice).
   */
  private static final int PARALLEL_SHARES = 4;

  private static final int SHARE_AT_LEAST = 10;

  private final IncompleteEventPublications publications;
  private final EventSerializer serializer;
  private final OutboxQueries outbox;
  private final Clock clock;
  private final Duration resubmitAfter;
  private final BooleanSupplier brokerAnswers;
  private final ExecutorService helpers;

  /**
   * @param brokerAnswers whether the broker answers now (asked only when something is to be resent)
   */
  public IncompletePublicationResubmitter(
      IncompleteEventPublications publications,
      EventSerializer serializer,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      Clock clock,
      Duration resubmitAfter,
      BooleanSupplier brokerAnswers) {
    this.publications = publications;
    this.serializer = serializer;
    this.outbox = new OutboxQueries(jdbc, transactions);
    this.clock = clock;
    this.resubmitAfter = resubmitAfter;
    this.brokerAnswers = brokerAnswers;
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            PARALLEL_SHARES - 1,
            PARALLEL_SHARES - 1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "outbox-resubmit");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    this.helpers = pool;
  }

  /**
   * One round.
   *
   * @return the entries found unreadable and moved aside in this round
   */
  public int resubmitNow() {
    Instant now = clock.instant();
    try {
      List<OutboxQueries.Entry> entries =
          outbox.failedOrStaleBefore(now.minus(resubmitAfter), ENTRIES_PER_ROUND);
      if (entries.isEmpty()) {
        return 0;
      }
      Set<UUID> readable = new HashSet<>();
      int parked = 0;
      for (OutboxQueries.Entry entry : entries) {
        String problem = problemReading(entry);
        if (problem == null) {
          readable.add(entry.id());
        } else if (outbox.park(entry.id(), problem, now)) {
          parked++;
          log.warn(
              "outbox entry {} ({}) cannot be read and was moved to event_publication_unreadable:"
                  + " {}",
              entry.id(),
              entry.eventType(),
              problem);
        }
      }
      if (!readable.isEmpty()) {
        if (!brokerAnswers.getAsBoolean()) {
          log.debug("{} outbox entries wait for the broker to answer", readable.size());
          return parked;
        }
        resubmitInShares(readable);
      }
      return parked;
    } catch (RuntimeException e) {
      log.warn("resubmitting incomplete event publications failed: {}", e.toString());
      return 0;
    }
  }

  /** Resubmits the entries in up to four shares side by side; returns when all are sent off. */
  private void resubmitInShares(Set<UUID> readable) {
    List<Set<UUID>> shares = new ArrayList<>();
    int count = Math.max(1, Math.min(PARALLEL_SHARES, readable.size() / SHARE_AT_LEAST));
    for (int i = 0; i < count; i++) {
      shares.add(new HashSet<>());
    }
    int next = 0;
    for (UUID id : readable) {
      shares.get(next++ % count).add(id);
    }
    List<Future<?>> others = new ArrayList<>();
    for (Set<UUID> share : shares.subList(1, count)) {
      others.add(helpers.submit(() -> resubmit(share)));
    }
    resubmit(shares.get(0));
    for (Future<?> other : others) {
      try {
        other.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        log.warn("resubmitting a share of the outbox failed: {}", e.getCause().toString());
      }
    }
  }

  private void resubmit(Set<UUID> share) {
    // Modulith resubmits each entry on its own and logs one that fails
    publications.resubmitIncompletePublications(
        publication -> share.contains(publication.getIdentifier()));
  }

  @Override
  public void close() {
    helpers.shutdownNow();
  }

  private String problemReading(OutboxQueries.Entry entry) {
    Class<?> type;
    try {
      type = ClassUtils.forName(entry.eventType(), getClass().getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return "event class not found: " + e;
    }
    try {
      return serializer.deserialize(entry.serializedEvent(), type) == null
          ? "serialized event reads as nothing"
          : null;
    } catch (RuntimeException e) {
      return "serialized event cannot be read: " + e;
    }
  }
}
