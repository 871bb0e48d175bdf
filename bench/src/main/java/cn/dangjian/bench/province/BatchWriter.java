package cn.dangjian.bench.province;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
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
 * One table's bulk import on its own writer thread(s) and connection(s), fed by the generating
 * thread through a short queue, so generation and MariaDB's work overlap on the two cores. Rows are
 * {@code Object[]} in column order: byte[] (BINARY ids), String, Integer, Long, Boolean, LocalDate,
 * LocalDateTime (UTC for TIMESTAMP columns, as the services write them) or null. Each batch of
 * {@value #BATCH} rows goes in as one {@code LOAD DATA LOCAL INFILE} of a tab-separated file
 * (binary columns as hex, {@code UNHEX} on the server), about twice the rate of batched INSERTs on
 * this machine; {@code -Dprovince.insert=true} uses batched INSERTs ({@code
 * rewriteBatchedStatements=true}) instead.
 */
final class BatchWriter implements AutoCloseable {

  static final int BATCH = 20_000;
  private static final boolean INSERTS = Boolean.getBoolean("province.insert");
  private static final java.time.format.DateTimeFormatter DATETIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
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
    String loadUrl = url + (url.contains("?") ? "&" : "?") + "allowLoadLocalInfileInPath=" + SPOOL;
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                try (Connection c =
                        DriverManager.getConnection(INSERTS ? url : loadUrl, user, password);
                    PreparedStatement ps = c.prepareStatement(INSERTS ? sql : "SELECT 1")) {
                  c.setAutoCommit(false);
                  if (INSERTS) {
                    drain(c, ps);
                  } else {
                    load(c, columns);
                  }
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

  /** The next batch for a writer thread; null when the generator is done. */
  private List<Object[]> next() throws InterruptedException {
    List<Object[]> rows = queue.poll(10, TimeUnit.MINUTES);
    if (rows == null) {
      throw new IllegalStateException("the generator of " + table + " stalled");
    }
    return rows == POISON ? null : rows;
  }

  private void done(int rows) {
    written.addAndGet(rows);
    if (progress != null) {
      progress.add(rows);
    }
  }

  private void drain(Connection c, PreparedStatement ps) throws Exception {
    while (true) {
      List<Object[]> rows = next();
      if (rows == null) {
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
      done(rows.size());
    }
  }

  private static final java.nio.file.Path SPOOL = spool();

  private static java.nio.file.Path spool() {
    try {
      java.nio.file.Path dir =
          java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "province-load");
      java.nio.file.Files.createDirectories(dir);
      return dir.toRealPath();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Each batch as a tab-separated file, loaded with LOAD DATA LOCAL INFILE and deleted. */
  private void load(Connection c, String columns) throws Exception {
    java.util.Set<String> binary = new java.util.HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ? AND data_type IN ('binary','varbinary')")) {
      ps.setString(1, table);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          binary.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    List<String> targets = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (String column : columns.split(",")) {
      String name = column.strip();
      if (binary.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        targets.add("@" + name);
        sets.add(name + " = UNHEX(@" + name + ")");
      } else {
        targets.add(name);
      }
    }
    java.nio.file.Path file = java.nio.file.Files.createTempFile(SPOOL, table + "-", ".tsv");
    String sql =
        "LOAD DATA LOCAL INFILE '"
            + file
            + "' INTO TABLE "
            + table
            + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
            + " LINES TERMINATED BY '\\n' ("
            + String.join(",", targets)
            + ")"
            + (sets.isEmpty() ? "" : " SET " + String.join(", ", sets));
    java.util.HexFormat hex = java.util.HexFormat.of();
    try (Statement st = c.createStatement()) {
      while (true) {
        List<Object[]> rows = next();
        if (rows == null) {
          return;
        }
        StringBuilder sb = new StringBuilder(rows.size() * 120);
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            if (i > 0) {
              sb.append('\t');
            }
            Object v = row[i];
            if (v == null) {
              sb.append("\\N");
            } else if (v instanceof byte[] b) {
              sb.append(hex.formatHex(b));
            } else if (v instanceof Boolean b) {
              sb.append(b ? '1' : '0');
            } else if (v instanceof LocalDateTime t) {
              sb.append(DATETIME.format(t));
            } else if (v instanceof String text) {
              escape(sb, text);
            } else {
              sb.append(v);
            }
          }
          sb.append('\n');
        }
        java.nio.file.Files.writeString(file, sb, java.nio.charset.StandardCharsets.UTF_8);
        long loaded = st.executeLargeUpdate(sql);
        c.commit();
        if (loaded != rows.size()) {
          throw new IllegalStateException(
              table + ": LOAD DATA took " + loaded + " of " + rows.size() + " rows");
        }
        done(rows.size());
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  private static void escape(StringBuilder sb, String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
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
