package cn.dangjian.bench.province;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One table's INSERT in JDBC batches ({@code rewriteBatchedStatements=true}) on its own writer
 * thread(s) and connection(s), fed by the generating thread through a short queue, so generation
 * and MariaDB's work overlap on the two cores. Rows are {@code Object[]} in column order: byte[]
 * (BINARY ids), String, Integer, Long, Boolean, LocalDate, LocalDateTime (UTC for TIMESTAMP
 * columns, as the services write them) or null.
 */
final class BatchWriter implements AutoCloseable {

  static final int BATCH = 1000;
  private static final List<Object[]> POISON = new ArrayList<>();

  private final String table;
  private final BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(8);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong written = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private final Progress progress;
  private final java.util.function.ObjLongConsumer<String> onClose;
  private List<Object[]> batch = new ArrayList<>(BATCH);

  BatchWriter(
      String url,
      String user,
      String password,
      String table,
      String columns,
      int threads,
      Progress progress,
      java.util.function.ObjLongConsumer<String> onClose) {
    this.table = table;
    this.progress = progress;
    this.onClose = onClose;
    int n = columns.split(",").length;
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + columns
            + ") VALUES ("
            + String.join(",", java.util.Collections.nCopies(n, "?"))
            + ")";
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                    PreparedStatement ps = c.prepareStatement(sql)) {
                  c.setAutoCommit(false);
                  drain(c, ps);
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  queue.clear();
                }
              },
              "writer-" + table + "-" + i);
      t.start();
      this.threads.add(t);
    }
  }

  void add(Object... row) throws InterruptedException {
    batch.add(row);
    if (batch.size() == BATCH) {
      put(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  long written() {
    return written.get();
  }

  private void put(List<Object[]> rows) throws InterruptedException {
    while (!queue.offer(rows, 1, TimeUnit.SECONDS)) {
      check();
    }
    check();
  }

  private void check() {
    if (failure.get() != null) {
      throw new IllegalStateException("writing " + table + " failed", failure.get());
    }
  }

  private void drain(Connection c, PreparedStatement ps) throws Exception {
    while (true) {
      List<Object[]> rows = queue.poll(10, TimeUnit.MINUTES);
      if (rows == null) {
        throw new IllegalStateException("the generator of " + table + " stalled");
      }
      if (rows == POISON) {
        return;
      }
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          bind(ps, i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
      written.addAndGet(rows.size());
      if (progress != null) {
        progress.add(rows.size());
      }
    }
  }

  private static void bind(PreparedStatement ps, int i, Object v) throws Exception {
    if (v instanceof byte[] b) {
      ps.setBytes(i, b);
    } else if (v instanceof LocalDate d) {
      ps.setObject(i, d);
    } else if (v instanceof LocalDateTime t) {
      ps.setObject(i, t);
    } else {
      ps.setObject(i, v);
    }
  }

  /** Flushes the last batch and waits for the writers. */
  @Override
  public void close() throws InterruptedException {
    if (failure.get() == null) {
      if (!batch.isEmpty()) {
        put(batch);
        batch = new ArrayList<>();
      }
      for (int i = 0; i < threads.size(); i++) {
        put(POISON);
      }
    }
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(30));
    }
    check();
    onClose.accept(table, written.get());
  }
}
