package cn.dangjian.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs Keycloak from its Maven Central distribution ({@code keycloak-quarkus-dist}) in dev mode
 * with the {@code dangjian} realm imported. LOCAL USE ONLY: the bootstrap admin is admin/admin.
 *
 * <p>The distribution is unzipped once into a cache ({@link KeycloakDistribution}); each start gets
 * a fresh home of its own ({@link KeycloakRunHome}); starts sharing a cache take turns ({@link
 * KeycloakStartLock}). This class launches, waits for the realm and stops.
 */
public final class KeycloakLauncher implements AutoCloseable {

  public static final String REALM = "dangjian";
  public static final String BOOTSTRAP_ADMIN_USERNAME = "admin";
  public static final String BOOTSTRAP_ADMIN_PASSWORD = "admin";

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final DevstackConfig config;
  private final int port;
  private final Path logFile;
  private final KeycloakDistribution distribution;
  private final KeycloakRunHome runHome;
  private final KeycloakStartLock startLock;
  private final Map<String, String> extraEnvironment;

  private Process process;
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
    this.distribution = new KeycloakDistribution(config);
    this.runHome = new KeycloakRunHome(config.workDir(), port, realmFile);
    this.startLock = new KeycloakStartLock(config.keycloakCacheDir());
    this.extraEnvironment = Map.copyOf(environment);
  }

  /** The unpacked distribution's {@code bin} directory (kc.sh, kcadm.sh). */
  public Path binDirectory() {
    try {
      return distribution.home().resolve("bin");
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
    startLock.acquire();
    try {
      runHome.prepare(distribution.home());
      Files.createDirectories(logFile.getParent());
      List<String> command = new ArrayList<>();
      command.add(runHome.kcSh().toString());
      command.add("start-dev");
      command.add("--http-port=" + port);
      command.add("--http-host=127.0.0.1");
      // a fixed issuer (http://localhost:<port>/realms/dangjian) whichever address clients use
      command.add("--hostname=" + baseUrl());
      command.add("--import-realm");
      command.add("--log-console-color=false");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(runHome.dir().toFile())
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
      startLock.release();
      throw new UncheckedIOException("Cannot start Keycloak: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      startLock.release();
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
      startLock.release();
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
        runHome.delete();
      }
    } finally {
      process = null;
      startLock.release();
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
}
