package cn.dangjian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the benchmark schema and fills it with a province (see {@link ProvinceTree}) and its
 * members with plain JDBC batches ({@code rewriteBatchedStatements=true}). The schema itself comes
 * from member-service's own Flyway migrations: the caller starts the service jar on the empty
 * schema before {@link #load} runs. A {@code bench_meta} table remembers what was loaded, so a
 * second run with the same shape and keys skips the load.
 */
public final class ProvinceLoader {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String SHAPE_VERSION = "v1";
  private static final int BATCH = 1000;
  private static final String[] SURNAMES =
      ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
          .split("");
  private static final String GIVEN =
      "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红志文玉梅海波辉鹏飞宇浩然子轩欣怡雨婷晨晓东" + "振宏春林国庆德才永福光荣世杰思远佳琪俊峰丹凤立新金凤秋菊树林小龙";
  private static final String[] ETHNIC = {"回族", "壮族", "满族", "苗族", "土家族", "蒙古族", "彝族", "瑶族"};
  private static final String[] EDUCATION = {"研究生", "大学本科", "大学专科", "高中", "中专", "初中及以下"};
  private static final int[] EDUCATION_WEIGHT = {5, 33, 25, 14, 8, 15};

  /**
   * A register keeps its history: a few percent of the rows are no longer active (deceased, struck
   * off, suspended, …). Used when member-service's MemberStatus has exactly these names.
   */
  private static final Map<String, Double> REALISTIC_STATUS = realisticStatus();

  private static Map<String, Double> realisticStatus() {
    Map<String, Double> mix = new LinkedHashMap<>();
    mix.put("ACTIVE", 96.0);
    mix.put("DECEASED", 2.0);
    mix.put("SUSPENDED", 0.8);
    mix.put("STRUCK_OFF", 0.5);
    mix.put("EXPELLED", 0.2);
    mix.put("WITHDRAWN", 0.2);
    mix.put("PERSUADED_TO_QUIT", 0.1);
    mix.put("PROBATION_CANCELLED", 0.1);
    mix.put("PROBATION_NOT_RETAINED", 0.1);
    return mix;
  }

  private static final String MEMBER_COLUMNS =
      "id, org_id, org_path, name, gender, ethnicity, birth_date, id_number_cipher,"
          + " id_number_hash, phone_cipher, phone_hash, education, workplace, stage, dues_category,"
          + " join_date, full_member_date, created_at, updated_at, version";

  private final BenchSettings settings;
  private final BenchKeys keys;
  private final MigrationSet jarMigrations;

  /** The instant the register is as of; null: the time of the load (not reproducible). */
  private final Instant asOf;

  private volatile java.util.function.LongConsumer memberProgress = n -> {};

  ProvinceLoader(BenchSettings settings, BenchKeys keys, MigrationSet jarMigrations) {
    this(settings, keys, jarMigrations, null);
  }

  /**
   * With a fixed {@code asOf} the same seed, shape and keys give byte-identical rows (the platform
   * data generator); without one, dates are relative to the day of the load.
   */
  public ProvinceLoader(
      BenchSettings settings, BenchKeys keys, MigrationSet jarMigrations, Instant asOf) {
    this.settings = settings;
    this.keys = keys;
    this.jarMigrations = jarMigrations;
    this.asOf = asOf;
  }

  /**
   * The tree a load as of {@code nowMillis} writes: orgs registered two months before the first
   * member, members over the five years before {@code nowMillis}.
   */
  /** Called with the number of members inserted so far, after every batch (a progress bar). */
  public void onMemberProgress(java.util.function.LongConsumer listener) {
    this.memberProgress = listener;
  }

  public static ProvinceTree tree(int branches, long seed, long nowMillis) {
    return new ProvinceTree(
        branches, seed, memberStart(nowMillis) - Duration.ofDays(60).toMillis());
  }

  private static long memberStart(long nowMillis) {
    return nowMillis - Duration.ofDays(5 * 365).toMillis();
  }

  /** After the service started on the schema: its migrations are all applied now. */
  public void recordMigrations() throws SQLException {
    try (Connection c = schema()) {
      writeMeta(c, Map.of("migrations", jarMigrations.encode()));
    }
  }

  /** What the last load left in the schema; empty if it must be (re)loaded. */
  public record Loaded(Map<String, String> meta) {
    UUID id(String key) {
      return UUID.fromString(meta.get(key));
    }

    long number(String key) {
      return Long.parseLong(meta.get(key));
    }
  }

  String shape() {
    return (asOf == null ? "" : "as-of=" + asOf + " ")
        + SHAPE_VERSION
        + " members="
        + settings.members()
        + " branches="
        + settings.branches()
        + " seed="
        + settings.seed();
  }

  String keyCheck() {
    return new BenchCipher(keys, new SplittableRandom(1)).lookupHash("dangjian-bench-key-check");
  }

  Connection server() throws SQLException {
    return DriverManager.getConnection(
        settings.serverUrl(), settings.dbUser(), settings.dbPassword());
  }

  Connection schema() throws SQLException {
    return DriverManager.getConnection(
        settings.schemaUrl() + "?rewriteBatchedStatements=true",
        settings.dbUser(),
        settings.dbPassword());
  }

  /** The completed load matching this shape and these keys, if the schema holds one. */
  public Optional<Loaded> inspect() throws SQLException {
    try (Connection c = server();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND"
                    + " table_name = 'bench_meta'")) {
      ps.setString(1, settings.schema());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) == 0) {
          return Optional.empty();
        }
      }
    }
    Map<String, String> meta = new LinkedHashMap<>();
    try (Connection c = schema();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT k, v FROM bench_meta")) {
      while (rs.next()) {
        meta.put(rs.getString(1), rs.getString(2));
      }
    }
    if (!"true".equals(meta.get("complete"))) {
      System.out.println("  schema " + settings.schema() + ": an earlier load did not complete");
      return Optional.empty();
    }
    if (!shape().equals(meta.get("shape"))) {
      System.out.println(
          "  schema " + settings.schema() + " holds '" + meta.get("shape") + "', want " + shape());
      return Optional.empty();
    }
    if (!keyCheck().equals(meta.get("key_check"))) {
      System.out.println(
          "  schema " + settings.schema() + " was encrypted with other keys (bench-keys changed)");
      return Optional.empty();
    }
    List<String> changed =
        meta.containsKey("migrations")
            ? jarMigrations.missingOrChanged(MigrationSet.parse(meta.get("migrations")))
            : List.of("(not recorded)");
    if (!changed.isEmpty()) {
      System.out.println(
          "  schema "
              + settings.schema()
              + " was migrated with migrations the service jar no longer has unchanged: "
              + String.join(", ", changed));
      return Optional.empty();
    }
    return Optional.of(new Loaded(meta));
  }

  public void recreateSchema() throws SQLException {
    try (Connection c = server();
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + settings.schema());
      st.execute(
          "CREATE DATABASE "
              + settings.schema()
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  /** Loads the province into the freshly migrated schema; returns the meta written. */
  public Loaded load() throws Exception {
    Instant began = Instant.now();
    long now = asOf == null ? System.currentTimeMillis() : asOf.toEpochMilli();
    long memberStart = memberStart(now);
    ProvinceTree tree = tree(settings.branches(), settings.seed(), now);
    Optional<StatusMix> status = statusMix();
    try (Connection c = schema();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE bench_meta (k VARCHAR(64) PRIMARY KEY, v TEXT)");
      writeMeta(c, Map.of("complete", "false", "shape", shape()));
    }
    Instant orgsBegan = Instant.now();
    insertOrgs(tree, now);
    Duration orgTime = Duration.between(orgsBegan, Instant.now());
    System.out.printf(
        Locale.ROOT, "  %,d organisations inserted in %.1f s%n", tree.orgs.size(), secs(orgTime));

    Instant membersBegan = Instant.now();
    MemberCounts counts = insertMembers(tree, memberStart, now, status);
    Duration memberTime = Duration.between(membersBegan, Instant.now());
    Instant analyzeBegan = Instant.now();
    try (Connection c = schema();
        Statement st = c.createStatement()) {
      st.execute("ANALYZE TABLE org_unit, member");
    }
    Duration analyzeTime = Duration.between(analyzeBegan, Instant.now());
    Duration total = Duration.between(began, Instant.now());

    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("shape", shape());
    meta.put("key_check", keyCheck());
    meta.put("loaded_at", Instant.now().toString());
    meta.put("province_id", tree.org(tree.province).id().toString());
    meta.put("bench_county_id", tree.org(tree.benchCounty).id().toString());
    meta.put("bench_county_name", tree.org(tree.benchCounty).name());
    meta.put("move_committee_id", tree.org(tree.moveCommittee).id().toString());
    meta.put("move_committee_name", tree.org(tree.moveCommittee).name());
    meta.put("move_target_id", tree.org(tree.moveTarget).id().toString());
    meta.put("move_target_name", tree.org(tree.moveTarget).name());
    meta.put("orgs", String.valueOf(tree.orgs.size()));
    meta.put("branches", String.valueOf(tree.branches.size()));
    meta.put("members", String.valueOf(counts.total));
    meta.put("bench_county_orgs", String.valueOf(tree.orgsUnder(tree.benchCounty)));
    meta.put("bench_county_branches", String.valueOf(tree.branchesUnder(tree.benchCounty)));
    meta.put("bench_county_members", String.valueOf(counts.benchCounty));
    meta.put("move_committee_orgs", String.valueOf(tree.orgsUnder(tree.moveCommittee)));
    meta.put("move_committee_branches", String.valueOf(tree.branchesUnder(tree.moveCommittee)));
    meta.put("move_committee_members", String.valueOf(counts.moveCommittee));
    meta.put("status_filled", status.map(StatusMix::describe).orElse("no status column"));
    meta.put("load_orgs_seconds", fmt(secs(orgTime)));
    meta.put("load_members_seconds", fmt(secs(memberTime)));
    meta.put("load_analyze_seconds", fmt(secs(analyzeTime)));
    meta.put("load_total_seconds", fmt(secs(total)));
    meta.put("complete", "true");
    try (Connection c = schema()) {
      writeMeta(c, meta);
    }
    return new Loaded(meta);
  }

  /**
   * If member.status appeared after the load (a newer migration added it with a default), give it
   * the realistic mix once; remembered in bench_meta.
   */
  Loaded ensureStatusFilled(Loaded loaded) throws Exception {
    Optional<StatusMix> mix = statusMix();
    if (mix.isEmpty() || !loaded.meta().get("status_filled").equals("no status column")) {
      return loaded;
    }
    Instant began = Instant.now();
    try (Connection c = schema();
        Statement st = c.createStatement()) {
      // Deterministic per row: the last byte of the (random part of the) UUIDv7 picks the status.
      String expr = mix.get().sqlCase("ORD(SUBSTRING(id, 16, 1)) * 100.0 / 256");
      int rows = st.executeUpdate("UPDATE member SET status = " + expr);
      st.execute("ANALYZE TABLE member");
      System.out.printf(
          Locale.ROOT,
          "  member.status appeared after the load: filled %,d rows (%s) in %.1f s%n",
          rows,
          mix.get().describe(),
          secs(Duration.between(began, Instant.now())));
      Map<String, String> meta = new LinkedHashMap<>(loaded.meta());
      meta.put("status_filled", mix.get().describe());
      writeMeta(c, Map.of("status_filled", mix.get().describe()));
      return new Loaded(meta);
    }
  }

  /** REPLACE INTO bench_meta (k, v), one row per entry. */
  public static void writeMeta(Connection c, Map<String, String> values) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("REPLACE INTO bench_meta (k, v) VALUES (?, ?)")) {
      for (var e : values.entrySet()) {
        ps.setString(1, e.getKey());
        ps.setString(2, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  // ---------------------------------------------------------------- member.status

  /** The values member.status gets, with weights in percent. */
  record StatusMix(List<String> values, List<Double> weights) {
    String pick(SplittableRandom random) {
      double r = random.nextDouble() * 100;
      double acc = 0;
      for (int i = 0; i < values.size(); i++) {
        acc += weights.get(i);
        if (r < acc) {
          return values.get(i);
        }
      }
      return values.get(0);
    }

    String sqlCase(String percentExpr) {
      StringBuilder sql = new StringBuilder("CASE");
      double acc = 0;
      for (int i = 1; i < values.size(); i++) {
        acc += weights.get(i);
        sql.append(" WHEN ").append(percentExpr).append(" < ").append(acc);
        sql.append(" THEN '").append(values.get(i)).append("'");
      }
      return sql.append(" ELSE '").append(values.get(0)).append("' END").toString();
    }

    String describe() {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        parts.add(values.get(i) + " " + fmt(weights.get(i)) + "%");
      }
      return String.join(", ", parts);
    }
  }

  boolean hasStatusColumn() throws SQLException {
    try (Connection c = server();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = ? AND"
                    + " table_name = 'member' AND column_name = 'status'")) {
      ps.setString(1, settings.schema());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  /**
   * Empty without a member.status column. Otherwise {@code --status-mix=ACTIVE:97,X:2,Y:1}, or
   * ACTIVE 97 % and the other constants of member-service's {@code MemberStatus} enum (read from
   * its source) sharing 3 %.
   */
  Optional<StatusMix> statusMix() throws SQLException {
    if (!hasStatusColumn()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    String configured = settings.statusMix();
    if (!configured.isEmpty()) {
      for (String part : configured.split(",")) {
        String[] kv = part.split(":");
        values.add(kv[0].strip());
        weights.add(Double.parseDouble(kv[1].strip()));
      }
      return Optional.of(new StatusMix(values, weights));
    }
    List<String> constants = statusEnumConstants();
    if (constants.containsAll(REALISTIC_STATUS.keySet())) {
      REALISTIC_STATUS.forEach(
          (value, weight) -> {
            values.add(value);
            weights.add(weight);
          });
      return Optional.of(new StatusMix(values, weights));
    }
    values.add("ACTIVE");
    weights.add(constants.size() <= 1 ? 100.0 : 97.0);
    for (String constant : constants) {
      if (!constant.equals("ACTIVE")) {
        values.add(constant);
        weights.add(3.0 / (constants.size() - 1));
      }
    }
    return Optional.of(new StatusMix(values, weights));
  }

  private List<String> statusEnumConstants() {
    Path source =
        settings
            .repoRoot()
            .resolve("member-service/src/main/java/cn/dangjian/member/person/MemberStatus.java");
    List<String> constants = new ArrayList<>();
    try {
      if (Files.isRegularFile(source)) {
        String text = Files.readString(source).replaceAll("(?s)/\\*.*?\\*/|//[^\n]*", "");
        int start = text.indexOf('{', text.indexOf("enum MemberStatus"));
        int end = text.indexOf(';', start);
        Matcher m =
            Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\b\\s*(\\(|,|$)")
                .matcher(text.substring(start + 1, end < 0 ? text.length() : end));
        while (m.find()) {
          constants.add(m.group(1));
        }
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("  (cannot read MemberStatus.java: " + e.getMessage() + ")");
    }
    return constants;
  }

  // ---------------------------------------------------------------- inserts

  private void insertOrgs(ProvinceTree tree, long nowMillis) throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Timestamp created =
        Timestamp.from(Instant.ofEpochMilli(nowMillis).minus(Duration.ofDays(5 * 365 + 60)));
    try (Connection c = schema();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO org_unit (id, parent_id, name, org_type, path, depth, status,"
                    + " created_at, updated_at, version) VALUES (?,?,?,?,?,?,'ACTIVE',?,?,0)")) {
      c.setAutoCommit(false);
      int n = 0;
      for (ProvinceTree.OrgRow org : tree.orgs) {
        ps.setBytes(1, UuidV7s.bytes(org.id()));
        ps.setBytes(2, org.parentId() == null ? null : UuidV7s.bytes(org.parentId()));
        ps.setString(3, org.name());
        ps.setString(4, org.type());
        ps.setString(5, org.path());
        ps.setInt(6, org.depth());
        ps.setTimestamp(7, created, utc);
        ps.setTimestamp(8, created, utc);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
          c.commit();
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }

  private record MemberCounts(long total, long benchCounty, long moveCommittee) {}

  /** One member row, ready to bind. */
  private record MemberRow(
      byte[] id,
      byte[] orgId,
      String orgPath,
      String name,
      String gender,
      String ethnicity,
      LocalDate birthDate,
      String idCipher,
      String idHash,
      String phoneCipher,
      String phoneHash,
      String education,
      String workplace,
      String stage,
      String duesCategory,
      LocalDate joinDate,
      LocalDate fullMemberDate,
      Timestamp createdAt,
      String status,
      LocalDate statusSince) {}

  private static final List<MemberRow> POISON = new ArrayList<>();

  /**
   * Members are generated in registration order (UUIDv7 timestamps increasing over five years) but
   * each goes to a random branch, so a county's members are spread over the whole primary key, as
   * in a register filled over years, not clustered as one bulk import per county would leave them.
   */
  private MemberCounts insertMembers(
      ProvinceTree tree, long startMillis, long endMillis, Optional<StatusMix> status)
      throws Exception {
    int total = settings.members();
    int branchCount = tree.branches.size();
    SplittableRandom random = new SplittableRandom(settings.seed() * 31 + 7);
    // members per branch: uniform in [0.4, 1.6] x mean, then nudged to the exact total
    double mean = (double) total / branchCount;
    int[] sizes = new int[branchCount];
    long sum = 0;
    for (int b = 0; b < branchCount; b++) {
      sizes[b] = (int) Math.max(1, Math.round(mean * (0.4 + 1.2 * random.nextDouble())));
      sum += sizes[b];
    }
    while (sum != total) {
      int b = random.nextInt(branchCount);
      if (sum < total) {
        sizes[b]++;
        sum++;
      } else if (sizes[b] > 1) {
        sizes[b]--;
        sum--;
      }
    }
    int[] order = new int[total];
    int k = 0;
    for (int b = 0; b < branchCount; b++) {
      for (int i = 0; i < sizes[b]; i++) {
        order[k++] = b;
      }
    }
    for (int i = total - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    String benchPrefix = tree.org(tree.benchCounty).path();
    String committeePrefix = tree.org(tree.moveCommittee).path();
    long benchCount = 0;
    long committeeCount = 0;
    for (int b = 0; b < branchCount; b++) {
      String path = tree.org(tree.branches.get(b)).path();
      if (path.startsWith(benchPrefix)) {
        benchCount += sizes[b];
      }
      if (path.startsWith(committeePrefix)) {
        committeeCount += sizes[b];
      }
    }

    String sql =
        "INSERT INTO member ("
            + MEMBER_COLUMNS
            + (status.isPresent() ? ", status, status_since" : "")
            + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0"
            + (status.isPresent() ? ",?,?" : "")
            + ")";
    BlockingQueue<List<MemberRow>> queue = new ArrayBlockingQueue<>(16);
    AtomicLong inserted = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int writers = Math.max(1, settings.loaderWriters());
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  write(queue, sql, status.isPresent(), inserted);
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  queue.clear();
                }
              },
              "bench-writer-" + w);
      t.start();
      threads.add(t);
    }

    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(endMillis), ZONE);
    BenchCipher cipher = new BenchCipher(keys, random.split());
    Set<Long> idNumbers = new HashSet<>(total * 2);
    double step = (double) (endMillis - startMillis) / total;
    Instant began = Instant.now();
    long lastReport = System.nanoTime();
    List<MemberRow> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < total; i++) {
      if (failure.get() != null) {
        break;
      }
      ProvinceTree.OrgRow branch = tree.org(tree.branches.get(order[i]));
      long millis = startMillis + (long) (i * step);
      batch.add(member(branch, millis, today, random, cipher, idNumbers, status));
      if (batch.size() == BATCH) {
        put(queue, batch, failure);
        batch = new ArrayList<>(BATCH);
      }
      if (System.nanoTime() - lastReport > 15_000_000_000L) {
        lastReport = System.nanoTime();
        double s = secs(Duration.between(began, Instant.now()));
        System.out.printf(
            Locale.ROOT,
            "  ... %,d members generated, %,d inserted (%.0f rows/s)%n",
            i + 1,
            inserted.get(),
            inserted.get() / s);
      }
    }
    if (!batch.isEmpty()) {
      put(queue, batch, failure);
    }
    for (int w = 0; w < writers; w++) {
      put(queue, POISON, failure);
    }
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(30));
    }
    if (failure.get() != null) {
      throw new IllegalStateException("loading members failed", failure.get());
    }
    double s = secs(Duration.between(began, Instant.now()));
    System.out.printf(
        Locale.ROOT,
        "  %,d members inserted in %.1f s (%.0f rows/s)%n",
        inserted.get(),
        s,
        inserted.get() / s);
    return new MemberCounts(inserted.get(), benchCount, committeeCount);
  }

  private static void put(
      BlockingQueue<List<MemberRow>> queue, List<MemberRow> batch, AtomicReference<Throwable> f)
      throws InterruptedException {
    while (f.get() == null) {
      if (queue.offer(batch, 1, TimeUnit.SECONDS)) {
        return;
      }
    }
  }

  private void write(
      BlockingQueue<List<MemberRow>> queue, String sql, boolean withStatus, AtomicLong inserted)
      throws Exception {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    try (Connection c = schema();
        PreparedStatement ps = c.prepareStatement(sql)) {
      c.setAutoCommit(false);
      while (true) {
        List<MemberRow> rows = queue.poll(10, TimeUnit.MINUTES);
        if (rows == null) {
          throw new IllegalStateException("the member generator stalled");
        }
        if (rows == POISON) {
          return;
        }
        for (MemberRow m : rows) {
          ps.setBytes(1, m.id());
          ps.setBytes(2, m.orgId());
          ps.setString(3, m.orgPath());
          ps.setString(4, m.name());
          ps.setString(5, m.gender());
          ps.setString(6, m.ethnicity());
          ps.setObject(7, m.birthDate());
          ps.setString(8, m.idCipher());
          ps.setString(9, m.idHash());
          ps.setString(10, m.phoneCipher());
          ps.setString(11, m.phoneHash());
          ps.setString(12, m.education());
          ps.setString(13, m.workplace());
          ps.setString(14, m.stage());
          ps.setString(15, m.duesCategory());
          ps.setObject(16, m.joinDate());
          ps.setObject(17, m.fullMemberDate());
          ps.setTimestamp(18, m.createdAt(), utc);
          ps.setTimestamp(19, m.createdAt(), utc);
          if (withStatus) {
            ps.setString(20, m.status());
            ps.setObject(21, m.statusSince());
          }
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
        memberProgress.accept(inserted.addAndGet(rows.size()));
      }
    }
  }

  private MemberRow member(
      ProvinceTree.OrgRow branch,
      long millis,
      LocalDate today,
      SplittableRandom r,
      BenchCipher cipher,
      Set<Long> idNumbers,
      Optional<StatusMix> status) {
    int s = r.nextInt(1000);
    String stage;
    int age;
    if (s < 880) {
      stage = "FULL";
      age = 23 + (int) Math.round(Math.abs(r.nextGaussian()) * 25) % 68;
    } else if (s < 915) {
      stage = "PROBATIONARY";
      age = 19 + r.nextInt(27);
    } else if (s < 935) {
      stage = "DEVELOPMENT_TARGET";
      age = 19 + r.nextInt(27);
    } else if (s < 965) {
      stage = "ACTIVIST";
      age = 18 + r.nextInt(25);
    } else {
      stage = "APPLICANT";
      age = 18 + r.nextInt(25);
    }
    boolean male = r.nextInt(100) < 70;
    LocalDate birth = today.minusYears(age).minusDays(1 + r.nextInt(364));
    int region =
        410000
            + (branch.county() / ProvinceTree.COUNTIES_PER_CITY + 1) * 100
            + branch.county() % ProvinceTree.COUNTIES_PER_CITY
            + 1;
    long first17;
    do {
      first17 = IdNumbers.first17(region, birth, r.nextInt(500) * 2 + (male ? 1 : 0));
    } while (!idNumbers.add(first17));
    String idNumber = IdNumbers.of(first17);
    String phone = null;
    if (r.nextInt(100) < 92) {
      phone = "1" + "35789".charAt(r.nextInt(5)) + String.format("%09d", r.nextInt(1_000_000_000));
    }
    LocalDate join = null;
    LocalDate full = null;
    if (stage.equals("FULL")) {
      LocalDate latestJoin = today.minusYears(1).minusDays(1);
      LocalDate earliestJoin = birth.plusYears(18);
      long span = latestJoin.toEpochDay() - earliestJoin.toEpochDay();
      join = earliestJoin.plusDays(span <= 0 ? 0 : r.nextLong(span + 1));
      full = join.plusYears(1);
    } else if (stage.equals("PROBATIONARY")) {
      join = today.minusDays(1 + r.nextInt(364));
    }
    String dues;
    int d = r.nextInt(100);
    if (age >= 60 && d < 85) {
      dues = "RETIRED";
    } else if (branch.rural() && d < 60) {
      dues = "FARMER";
    } else if (age < 24 && d < 40) {
      dues = "STUDENT";
    } else if (d < 3) {
      dues = "LOW_INCOME";
    } else if (d < 6) {
      dues = "SELF_EMPLOYED";
    } else if (d < 7) {
      dues = "UNEMPLOYED";
    } else if (d < 9) {
      dues = "ANNUAL_SALARY";
    } else {
      dues = "EMPLOYED";
    }
    String memberStatus = status.map(mix -> mix.pick(r)).orElse(null);
    if (memberStatus != null
        && memberStatus.startsWith("PROBATION_")
        && !stage.equals("PROBATIONARY")) {
      memberStatus = "ACTIVE";
    }
    LocalDate statusSince =
        memberStatus == null || memberStatus.equals("ACTIVE")
            ? null
            : today.minusDays(1 + r.nextInt(3 * 365));
    String workplace =
        branch.rural()
            ? (r.nextInt(100) < 60 ? branch.name().replaceAll("(联合)?党支部$", "") : null)
            : branch.name().replaceAll("(机关第二|机关)?(联合)?党支部$", "");
    return new MemberRow(
        UuidV7s.bytes(UuidV7s.at(millis, r)),
        UuidV7s.bytes(branch.id()),
        branch.path(),
        name(r),
        male ? "MALE" : "FEMALE",
        r.nextInt(100) < 92 ? "汉族" : ETHNIC[r.nextInt(ETHNIC.length)],
        birth,
        cipher.encrypt(idNumber),
        cipher.lookupHash(idNumber),
        phone == null ? null : cipher.encrypt(phone),
        phone == null ? null : cipher.lookupHash(phone),
        EDUCATION[weighted(r, EDUCATION_WEIGHT)],
        workplace,
        stage,
        dues,
        join,
        full,
        new Timestamp(millis),
        memberStatus,
        statusSince);
  }

  private static String name(SplittableRandom r) {
    String surname =
        SURNAMES[Math.min(SURNAMES.length - 1, (int) (Math.abs(r.nextGaussian()) * 25))];
    String given = String.valueOf(GIVEN.charAt(r.nextInt(GIVEN.length())));
    if (r.nextInt(100) < 75) {
      given += GIVEN.charAt(r.nextInt(GIVEN.length()));
    }
    return surname + given;
  }

  private static int weighted(SplittableRandom r, int[] weights) {
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    int x = r.nextInt(sum);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static double secs(Duration d) {
    return d.toMillis() / 1000.0;
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
