package cn.dangjian.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service fat jar (member-service, alert-service…) as a child process on a free loopback port,
 * output to a log file, waited for until {@code /actuator/health/readiness} is UP. Secrets (keys,
 * DB password) go through the environment, not the command line.
 */
public final class ServiceProcess implements AutoCloseable {

  private final Path java;
  private final Path jar;
  private final Path log;
  private final int port;
  private Process process;
  private Duration startTime;

  private ServiceProcess(Path java, Path jar, Path log, int port) {
    this.java = java;
    this.jar = jar;
    this.log = log;
    this.port = port;
  }

  /** The {@code java} of the JDK this bench runs on (the services' default). */
  public static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  public static ServiceProcess start(
      Path jar,
      Path log,
      List<String> jvmOpts,
      Map<String, String> properties,
      Map<String, String> environment,
      Duration timeout)
      throws IOException, InterruptedException {
    return start(currentJava(), jar, log, jvmOpts, properties, environment, timeout);
  }

  /** As {@link #start}, on another JDK's {@code java} (e.g. a newer one for its AOT cache). */
  public static ServiceProcess start(
      Path java,
      Path jar,
      Path log,
      List<String> jvmOpts,
      Map<String, String> properties,
      Map<String, String> environment,
      Duration timeout)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " not found: build it first (cd <repo> && ./mvnw -B -Pbench -pl <service>,bench -am"
              + " -DskipTests package)");
    }
    ServiceProcess service = new ServiceProcess(java, jar, log, freePort());
    service.launch(jvmOpts, properties, environment, timeout);
    return service;
  }

  private void launch(
      List<String> jvmOpts,
      Map<String, String> properties,
      Map<String, String> environment,
      Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOpts);
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Duser.timezone=Asia/Shanghai");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--management.endpoint.health.probes.enabled=true");
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    Files.createDirectories(log.getParent());
    Files.writeString(
        log, "=== bench: " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Instant began = Instant.now();
    process = builder.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(this::close, "bench-stop-" + jar.getFileName()));
    awaitReady(began, timeout);
    startTime = Duration.between(began, Instant.now());
  }

  private void awaitReady(Instant began, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
    String last = "no answer";
    while (Duration.between(began, Instant.now()).compareTo(timeout) < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            jar.getFileName()
                + " exited with "
                + process.exitValue()
                + " before it was ready; see "
                + log
                + "\n"
                + tail());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException(
        jar.getFileName()
            + " not ready within "
            + timeout.toSeconds()
            + " s ("
            + last
            + "); see "
            + log
            + "\n"
            + tail());
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(cannot read the log: " + e.getMessage() + ")";
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Duration startTime() {
    return startTime;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** SIGTERM, then SIGKILL after 20 s. Idempotent. */
  @Override
  public synchronized void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
