package cn.dangjian.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one Spring Boot fat jar ({@code <repo>/<module>/target/<module>.jar}) as its own process
 * with the current JVM's {@code java}, output to {@code <logDir>/<module>.log}, and waits for
 * {@code /actuator/health/readiness} to report UP. It can be stopped (SIGTERM, kill after 15 s) and
 * restarted, e.g. by e2e tests that take a service down and bring it back.
 */
public final class ServiceLauncher {

  public static final Duration STOP_GRACE = Duration.ofSeconds(15);
  public static final List<String> DEFAULT_JVM_ARGS =
      List.of(
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Dfile.encoding=UTF-8",
          "-Duser.timezone=Asia/Shanghai");

  private static final int LOG_TAIL_LINES = 40;

  private final String module;
  private final Path jar;
  private final int port;
  private final Map<String, String> properties;
  private final Path logFile;
  private final Duration startTimeout;
  private final List<String> jvmArgs;

  private Process process;
  private Duration lastStartDuration;
  private int starts;

  /**
   * @param module the module name, e.g. {@code member-service}
   * @param jar the fat jar
   * @param port the HTTP port ({@code --server.port})
   * @param properties Spring properties passed as {@code --key=value}
   * @param logDir the directory for {@code <module>.log}
   * @param startTimeout how long to wait for readiness
   * @param jvmArgs JVM options put before {@code -jar}
   */
  public ServiceLauncher(
      String module,
      Path jar,
      int port,
      Map<String, String> properties,
      Path logDir,
      Duration startTimeout,
      List<String> jvmArgs) {
    this(logDir.resolve(module + ".log"), module, jar, port, properties, startTimeout, jvmArgs);
  }

  private ServiceLauncher(
      Path logFile,
      String module,
      Path jar,
      int port,
      Map<String, String> properties,
      Duration startTimeout,
      List<String> jvmArgs) {
    this.module = module;
    this.jar = jar;
    this.port = port;
    this.properties = new LinkedHashMap<>();
    properties.forEach((key, value) -> this.properties.put(key, value == null ? "" : value));
    this.logFile = logFile;
    this.startTimeout = startTimeout;
    this.jvmArgs = List.copyOf(jvmArgs);
  }

  /**
   * A launcher for {@code module} using the config's jar location, port, log directory and timeout;
   * JVM options come from {@code DANGJIAN_SERVICE_JVM_OPTS} (space separated) if set.
   */
  public static ServiceLauncher of(
      DevstackConfig config, String module, Map<String, String> properties) {
    return new ServiceLauncher(
        config.logDir().resolve(module + ".log"),
        module,
        config.jarOf(module),
        config.servicePort(module),
        properties,
        config.serviceStartTimeout(),
        jvmArgs());
  }

  /**
   * A further instance of {@code module} (replica 2, 3, ...) on its own port, logging to {@code
   * <module>-<replica>.log}.
   */
  public static ServiceLauncher replica(
      DevstackConfig config, String module, Map<String, String> properties, int replica, int port) {
    return new ServiceLauncher(
        config.logDir().resolve(module + "-" + replica + ".log"),
        module,
        config.jarOf(module),
        port,
        properties,
        config.serviceStartTimeout(),
        jvmArgs());
  }

  private static List<String> jvmArgs() {
    return Settings.system()
        .get("service.jvm-opts")
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> List.of(s.split("\\s+")))
        .orElse(DEFAULT_JVM_ARGS);
  }

  /** Starts the service and waits until it is ready; fails with the last log lines if it is not. */
  public synchronized ServiceLauncher start() {
    if (isRunning()) {
      throw new IllegalStateException(module + " is already running on port " + port);
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          module + " jar " + jar + " not found: run ./mvnw -DskipTests package first");
    }
    PortCheck.requireFree(port, module, Settings.howToSet(module + ".port"));
    List<String> command = command();
    Instant started = Instant.now();
    try {
      Files.createDirectories(logFile.getParent());
      String header =
          "=== devstack: "
              + (starts == 0 ? "starting " : "restarting ")
              + module
              + " on port "
              + port
              + " at "
              + LocalDateTime.now()
              + " ===\n=== "
              + String.join(" ", command)
              + "\n";
      if (starts == 0) {
        Files.writeString(logFile, header, StandardCharsets.UTF_8);
      } else {
        Files.writeString(
            logFile,
            header,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      Path workingDir = jar.getParent().getParent();
      process =
          new ProcessBuilder(command)
              .directory(Files.isDirectory(workingDir) ? workingDir.toFile() : null)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      starts++;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + module + ": " + e.getMessage(), e);
    }
    awaitReady(started);
    lastStartDuration = Duration.between(started, Instant.now());
    return this;
  }

  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    // readiness/liveness groups exist outside Kubernetes only when probes are enabled
    command.add("--management.endpoint.health.probes.enabled=true");
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    return command;
  }

  private void awaitReady(Instant started) {
    URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = started.plus(startTimeout).toEpochMilli();
    String lastAnswer = "no answer yet";
    try {
      while (true) {
        if (!process.isAlive()) {
          int code = process.exitValue();
          process = null;
          throw new IllegalStateException(
              module
                  + " exited with code "
                  + code
                  + " before it was ready. Last "
                  + LOG_TAIL_LINES
                  + " lines of "
                  + logFile
                  + ":\n"
                  + Processes.indentedTail(logFile, LOG_TAIL_LINES));
        }
        try {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
            return;
          }
          lastAnswer = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
        } catch (IOException e) {
          lastAnswer = e.getClass().getSimpleName();
        }
        if (System.currentTimeMillis() > deadline) {
          String tail = Processes.indentedTail(logFile, LOG_TAIL_LINES);
          stop();
          throw new IllegalStateException(
              module
                  + " was not ready within "
                  + startTimeout.toSeconds()
                  + " s ("
                  + readiness
                  + " last said: "
                  + lastAnswer
                  + "; raise the timeout with "
                  + Settings.howToSet("service.start-timeout")
                  + "). Last "
                  + LOG_TAIL_LINES
                  + " lines of "
                  + logFile
                  + ":\n"
                  + tail);
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("Interrupted while waiting for " + module, e);
    }
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }

  /** SIGTERM, then kill after 15 s. Idempotent. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    try {
      Processes.stopTree(process, STOP_GRACE);
    } finally {
      process = null;
    }
  }

  /** Stops (if running) and starts again, waiting for readiness; the log file is appended to. */
  public synchronized ServiceLauncher restart() {
    stop();
    return start();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  public String module() {
    return module;
  }

  public int port() {
    return port;
  }

  public Path jar() {
    return jar;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path logFile() {
    return logFile;
  }

  public Map<String, String> properties() {
    return Map.copyOf(properties);
  }

  /** The process id while running. */
  public synchronized Optional<Long> pid() {
    return isRunning() ? Optional.of(process.pid()) : Optional.empty();
  }

  /** How long the last successful start took (process start to ready). */
  public synchronized Optional<Duration> lastStartDuration() {
    return Optional.ofNullable(lastStartDuration);
  }
}
