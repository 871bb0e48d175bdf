package cn.dangjian.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image's build step that makes the AppCDS archive (deploy/docker/Dockerfile, {@code
 * appcds-training.sh}) runs with no database, broker or Keycloak, as inside {@code docker build}.
 * Here it is done to each service's real jar, laid out exactly as the Dockerfile lays it out, and
 * the archive is then used with {@code -Xshare:on}, which refuses to start if it does not match the
 * jars. The service jars come from the same build (the modules before this one in the reactor).
 */
class AppCdsTrainingTest {

  @TempDir Path work;

  // Two services, not six: the reactive gateway and one servlet service share nothing else that
  // the archive depends on (all four other servlet services have member-service's layout), and CI's
  // compose part trains every service's archive again inside its real `docker build` (3 min saved).
  @ParameterizedTest
  @ValueSource(strings = {"gateway", "member-service"})
  void theImageMakesItsStartArchiveWithoutADatabaseAndTheServiceStartsFromIt(String service)
      throws Exception {
    Path fat = Repo.root().resolve(service).resolve("target").resolve(service + ".jar");
    assumeTrue(Files.isRegularFile(fat), fat + " is built by the reactor before deploy/");
    Path app = layOutAsTheImage(fat);
    Path archive = app.resolve("app.jsa");

    Result training = train(app, Map.of());
    assertThat(training.exit()).as(training.output()).isZero();
    assertThat(Files.size(archive)).isGreaterThan(20L << 20);

    Path classLog = work.resolve("class-load.log");
    Result fromArchive =
        train(
            app,
            Map.of(
                "APPCDS_OPTIONS",
                "-Xshare:on -XX:SharedArchiveFile="
                    + archive
                    + " -Xlog:class+load=info:file="
                    + classLog));
    assertThat(fromArchive.exit()).as(fromArchive.output()).isZero();
    long shared;
    try (Stream<String> lines = Files.lines(classLog, StandardCharsets.UTF_8)) {
      shared = lines.filter(line -> line.contains("shared objects file (top)")).count();
    }
    assertThat(shared).as("application classes loaded from the archive").isGreaterThan(3_000);
  }

  /**
   * As the Dockerfile: the jar copied in as fat.jar, Boot's layers merged into one directory,
   * app.jar beside lib/. The Dockerfile's own lines are checked, so the two cannot drift apart (the
   * first real image build failed on exactly that: the extracted jar is named after fat.jar).
   */
  private Path layOutAsTheImage(Path original) throws Exception {
    String dockerfile = Files.readString(Repo.root().resolve("deploy/docker/Dockerfile"));
    assertThat(dockerfile)
        .contains("COPY ${SERVICE}/target/${SERVICE}.jar fat.jar")
        .contains("mv extracted/application/fat.jar extracted/application/app.jar");
    Path fat = work.resolve("fat.jar");
    Files.copy(original, fat, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path extracted = work.resolve("extracted");
    Result extract =
        run(
            List.of(
                java(),
                "-Djarmode=tools",
                "-jar",
                fat.toString(),
                "extract",
                "--layers",
                "--destination",
                extracted.toString()),
            Map.of());
    assertThat(extract.exit()).as(extract.output()).isZero();
    Path app = work.resolve("app");
    for (String layer : List.of("dependencies", "snapshot-dependencies", "application")) {
      copyTree(extracted.resolve(layer), app);
    }
    Files.move(app.resolve("fat.jar"), app.resolve("app.jar"));
    return app;
  }

  private Result train(Path app, Map<String, String> env) throws Exception {
    Path script = Repo.root().resolve("deploy/docker/appcds-training.sh");
    Map<String, String> environment = new java.util.HashMap<>(env);
    environment.put("TMPDIR", work.toString());
    environment.put("PATH", Path.of(java()).getParent() + ":" + System.getenv("PATH"));
    return run(
        List.of(
            "sh",
            script.toString(),
            app.resolve("app.jar").toString(),
            app.resolve("app.jsa") + ""),
        environment);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.toList();
    }
    for (Path source : paths) {
      Path target = to.resolve(from.relativize(source).toString());
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private record Result(int exit, String output) {}

  private Result run(List<String> command, Map<String, String> env) throws Exception {
    Path output = Files.createTempFile(work, "run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(4, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return new Result(-1, "timed out: " + String.join(" ", command));
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    // the archive's per-class warnings say nothing useful; keep the tail for a failure message
    return new Result(process.exitValue(), text.substring(Math.max(0, text.length() - 4000)));
  }
}
