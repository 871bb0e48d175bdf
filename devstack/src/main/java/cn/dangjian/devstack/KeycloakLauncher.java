package cn.dangjian.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs Keycloak from its Maven Central distribution ({@code keycloak-quarkus-dist}) in dev mode
 * with the {@code dangjian} realm imported. LOCAL USE ONLY: the bootstrap admin is admin/admin.
 *
 * <ul>
 *   <li>The zip (copied by the devstack build to {@code devstack/target/keycloak/}, or taken from
 *       {@code ~/.m2}) is unzipped once into {@link DevstackConfig#keycloakCacheDir()}, so {@code
 *       mvn clean} does not force a re-unzip, and Quarkus' one-time re-augmentation is kept there
 *       too.
 *   <li>Each start gets a fresh Keycloak home under {@code <workDir>/keycloak-<port>}: a copy of
 *       {@code bin/kc.sh}, links to the cached {@code lib}, {@code conf}, {@code providers}, {@code
 *       themes}, and its own {@code data/} (fresh H2 database, {@code data/import/} holding the
 *       realm), so runs never share state and two instances on different ports can coexist.
 * </ul>
 */
public final class KeycloakLauncher implements AutoCloseable {

  public static final String REALM = "dangjian";
  public static final String BOOTSTRAP_ADMIN_USERNAME = "admin";
  public static final String BOOTSTRAP_ADMIN_PASSWORD = "admin";

  private static final String COMPLETE_MARKER = ".devstack-unzipped";
  private static final List<String> LINKED = List.of("lib", "conf", "providers", "themes");
  private static final Semaphore IN_PROCESS_LOCK = new Semaphore(1);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final DevstackConfig config;
  private final int port;
  private final Path logFile;
  private final Path runHome;
  private final Path realmFile;
  private final Map<String, String> extraEnvironment;

  private Process process;
  private FileChannel lockChannel;
  private FileLock startLock;
  private boolean holdsPermit;
  private Instant launchedAt;
  private Duration startDuration;

  public KeycloakLauncher(DevstackConfig config) {
    this(config, config.realmFile(), Map.of());
  }

  /**
   * Keycloak with another realm file, e.g. the production realm, whose {@code ${VAR}} placeholders
   * Keycloak fills from {@code environment} at import.
   */
  public KeycloakLauncher(DevstackConfig config, Path realmFile, Map<String, String> environment) {
    this.config = config;
    this.port = config.keycloakPort();
    this.logFile =
        config
            .logDir()
            .resolve(environment.isEmpty() ? "keycloak.log" : "keycloak-" + port + ".log");
    this.runHome = config.workDir().resolve("keycloak-" + port);
    this.realmFile = realmFile;
    this.extraEnvironment = Map.copyOf(environment);
  }

  /** The unpacked distribution's {@code bin} directory (kc.sh, kcadm.sh). */
  public Path binDirectory() {
    try {
      return ensureDistribution().resolve("bin");
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak distribution not available: " + e.getMessage(), e);
    }
  }

  /** Starts Keycloak and waits until the realm answers. */
  public KeycloakLauncher start() {
    launch();
    awaitReady();
    return this;
  }

  /**
   * Starts the Keycloak process without waiting (so that other components can start meanwhile);
   * call {@link #awaitReady()} next.
   */
  public synchronized void launch() {
    if (process != null) {
      throw new IllegalStateException("Keycloak already launched on port " + port);
    }
    PortCheck.requireFree(port, "Keycloak", Settings.howToSet("keycloak.port"));
    Path javaHome = JdkLocator.system().locate();
    launchedAt = Instant.now();
    acquireStartLock();
    try {
      Path dist = ensureDistribution();
      prepareRunHome(dist);
      Files.createDirectories(logFile.getParent());
      List<String> command = new ArrayList<>();
      command.add(runHome.resolve("bin").resolve("kc.sh").toString());
      command.add("start-dev");
      command.add("--http-port=" + port);
      command.add("--http-host=127.0.0.1");
      // a fixed issuer (http://localhost:<port>/realms/dangjian) whichever address clients use
      command.add("--hostname=" + baseUrl());
      command.add("--import-realm");
      command.add("--log-console-color=false");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(runHome.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
      Map<String, String> env = builder.environment();
      env.remove("JAVA"); // kc.sh would prefer $JAVA over JAVA_HOME
      env.remove("JAVA_OPTS"); // kc.sh would drop its defaults
      env.put("JAVA_HOME", javaHome.toString());
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN_USERNAME);
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN_PASSWORD);
      env.putAll(extraEnvironment);
      process = builder.start();
    } catch (IOException e) {
      releaseStartLock();
      throw new UncheckedIOException("Cannot start Keycloak: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      releaseStartLock();
      throw e;
    }
  }

  /** Waits until {@code /realms/dangjian/.well-known/openid-configuration} answers 200. */
  public void awaitReady() {
    Process running;
    synchronized (this) {
      running = process;
    }
    if (running == null) {
      throw new IllegalStateException("Keycloak was not launched");
    }
    URI probe =
        URI.create(internalUrl() + "/realms/" + REALM + "/.well-known/openid-configuration");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + config.keycloakStartTimeout().toNanos();
    try {
      while (true) {
        if (!running.isAlive()) {
          throw new IllegalStateException(
              "Keycloak exited with code "
                  + running.exitValue()
                  + " before it was ready. See "
                  + logFile
                  + ":\n"
                  + Processes.indentedTail(logFile, 40));
        }
        if (answers(http, probe)) {
          startDuration = Duration.between(launchedAt, Instant.now());
          return;
        }
        if (System.nanoTime() > deadline) {
          String tail = Processes.indentedTail(logFile, 40);
          stop();
          throw new IllegalStateException(
              "Keycloak did not become ready within "
                  + config.keycloakStartTimeout().toSeconds()
                  + " s (waited for "
                  + probe
                  + "). See its log "
                  + logFile
                  + " (raise the timeout with "
                  + Settings.howToSet("keycloak.start-timeout")
                  + "):\n"
                  + tail);
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
    } finally {
      releaseStartLock();
    }
  }

  private static boolean answers(HttpClient http, URI uri) throws InterruptedException {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops Keycloak (SIGTERM to kc.sh and its java child, then kill after 20 s). Idempotent. */
  public synchronized void stop() {
    try {
      if (process != null) {
        Processes.stopTree(process, STOP_GRACE);
        deleteRunHome();
      }
    } finally {
      process = null;
      releaseStartLock();
    }
  }

  /** The per-run home (H2 database, import dir) is useless once Keycloak stopped; logs stay. */
  private void deleteRunHome() {
    try {
      Processes.deleteTree(runHome);
      Files.deleteIfExists(config.workDir()); // only if nothing else is in it
    } catch (IOException | UncheckedIOException e) {
      // best effort: it is wiped again at the next start
    }
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** {@code http://localhost:<port>}: the public base URL; tokens' issuer is built from it. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** {@code http://127.0.0.1:<port>}: the address Keycloak listens on. */
  public String internalUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code http://localhost:<port>/realms/dangjian}. */
  public String issuerUri() {
    return baseUrl() + "/realms/" + REALM;
  }

  public String jwkSetUri() {
    return issuerUri() + "/protocol/openid-connect/certs";
  }

  public String tokenUri() {
    return issuerUri() + "/protocol/openid-connect/token";
  }

  public String adminConsoleUrl() {
    return baseUrl() + "/admin/master/console/#/" + REALM;
  }

  public int port() {
    return port;
  }

  public Path logFile() {
    return logFile;
  }

  /** How long the last start took (launch to realm ready), if it finished. */
  public Optional<Duration> startDuration() {
    return Optional.ofNullable(startDuration);
  }

  // --- distribution -----------------------------------------------------------------------

  /** Unzips the distribution into the cache directory once; returns the Keycloak home there. */
  Path ensureDistribution() throws IOException {
    Path home = config.keycloakCacheDir();
    if (Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
      return home;
    }
    Path zip = findDistributionZip();
    System.out.println("[devstack] unzipping " + zip.getFileName() + " into " + home + " (once)");
    Path tmp = home.resolveSibling(home.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Processes.deleteTree(tmp);
    unzipStrippingTopDirectory(zip, tmp);
    Files.writeString(tmp.resolve(COMPLETE_MARKER), zip + "\n", StandardCharsets.UTF_8);
    Processes.deleteTree(home); // a partial earlier attempt
    Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
    return home;
  }

  private Path findDistributionZip() {
    String version = config.keycloakVersion();
    String name = "keycloak-quarkus-dist-" + version + ".zip";
    List<Path> candidates = new ArrayList<>();
    BuildInfo.load().keycloakDistZip().ifPresent(candidates::add);
    candidates.add(config.repoRoot().resolve("devstack/target/keycloak").resolve(name));
    String localRepo = System.getProperty("maven.repo.local");
    Path m2 =
        localRepo != null
            ? Path.of(localRepo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    candidates.add(m2.resolve("org/keycloak/keycloak-quarkus-dist").resolve(version).resolve(name));
    return candidates.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Keycloak distribution "
                        + name
                        + " not found (looked at "
                        + candidates
                        + "). Build devstack first: ./mvnw -B -pl devstack package -DskipTests"
                        + " (it copies org.keycloak:keycloak-quarkus-dist:"
                        + version
                        + ":zip from Maven Central)."));
  }

  static void unzipStrippingTopDirectory(Path zip, Path target) throws IOException {
    Files.createDirectories(target);
    Path normalizedTarget = target.toAbsolutePath().normalize();
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = zipFile.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
          continue; // the top directory itself
        }
        Path out = normalizedTarget.resolve(name.substring(slash + 1)).normalize();
        if (!out.startsWith(normalizedTarget)) {
          throw new IOException("Zip entry outside the target directory: " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zipFile.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        if (name.endsWith(".sh")) {
          out.toFile().setExecutable(true, false);
        }
      }
    }
  }

  /** A fresh per-run Keycloak home sharing the cached distribution. */
  private void prepareRunHome(Path dist) throws IOException {
    Processes.deleteTree(runHome);
    Files.createDirectories(runHome.resolve("bin"));
    Path kcSh = runHome.resolve("bin").resolve("kc.sh");
    // a real copy: kc.sh derives the home directory from its own (symlink-resolved) location
    Files.copy(dist.resolve("bin").resolve("kc.sh"), kcSh);
    kcSh.toFile().setExecutable(true, false);
    for (String dir : LINKED) {
      Files.createSymbolicLink(runHome.resolve(dir), dist.resolve(dir));
    }
    if (Files.isRegularFile(dist.resolve("version.txt"))) {
      Files.copy(dist.resolve("version.txt"), runHome.resolve("version.txt"));
    }
    Path importDir = runHome.resolve("data").resolve("import");
    Files.createDirectories(importDir);
    Path realm = realmFile;
    if (!Files.isRegularFile(realm)) {
      throw new IllegalStateException("Realm file not found: " + realm);
    }
    Files.copy(realm, importDir.resolve(realm.getFileName()));
  }

  // --- one Keycloak start (unzip, augmentation) at a time per cache directory ---------------

  private void acquireStartLock() {
    IN_PROCESS_LOCK.acquireUninterruptibly();
    synchronized (this) {
      holdsPermit = true;
    }
    try {
      Path cache = config.keycloakCacheDir();
      Files.createDirectories(cache.getParent());
      Path lockFile = cache.resolveSibling(cache.getFileName() + ".lock");
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      startLock = lockChannel.lock();
    } catch (IOException e) {
      releaseStartLock();
      throw new UncheckedIOException("Cannot lock the Keycloak cache directory", e);
    } catch (RuntimeException e) {
      releaseStartLock();
      throw e;
    }
  }

  private synchronized void releaseStartLock() {
    try {
      if (startLock != null) {
        startLock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      // ignore: closing the channel releases the lock anyway
    } finally {
      startLock = null;
      lockChannel = null;
      if (holdsPermit) {
        holdsPermit = false;
        IN_PROCESS_LOCK.release();
      }
    }
  }
}
