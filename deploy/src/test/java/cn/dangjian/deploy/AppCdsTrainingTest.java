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
 * The image's build step that makes the start archive (deploy/docker/Dockerfile, {@code
 * appcds-training.sh}) runs with no database, broker or Keycloak, as inside {@code docker build}.
 * Here it is done to each service's real jar, laid out exactly as the Dockerfile lays it out, and
 * the archive is then used in a mode that refuses to start if it does not match the jars: on JDK 25
 * (the images' runtime) an AOT cache with {@code -XX:AOTMode=on}, on JDK 17 (a {@code JAVA_IMAGE}
 * an operator may choose) an AppCDS archive with {@code -Xshare:on}. The service jars come from the
 * same build (the modules before this one in the reactor).
 */
class AppCdsTrainingTest {

  @TempDir Path work;

  // One service per runtime, to keep CI short: CI's compose part trains every service's archive
  // again inside its real `docker build` on JDK 25. Here member-service (the servlet layout of
  // five of the six) on JDK 25, and the reactive gateway on JDK 17, the fallback path.
  @ParameterizedTest
  @ValueSource(strings = {"member-service"})
  void onJdk25TheImageMakesAnAotCacheAndTheServiceStartsFromIt(String service) throws Exception {
    Path jdk25 = jdk25();
    assumeTrue(jdk25 != null, "a JDK 25 under /usr/lib/jvm (the images' runtime)");
    trainsAndStartsFromTheArchive(
        jdk25, service, "app.aot", 50L << 20, "-XX:AOTCache=", "-XX:AOTMode=on");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway"})
  void onJdk17TheImageMakesAnAppCdsArchiveAndTheServiceStartsFromIt(String service)
      throws Exception {
    Path jdk17 = Path.of(System.getProperty("java.home"));
    assumeTrue(Runtime.version().feature() < 25, "the build's JDK is the older runtime");
    trainsAndStartsFromTheArchive(
        jdk17, service, "app.jsa", 20L << 20, "-XX:SharedArchiveFile=", "-Xshare:on");
  }

  /**
   * The training as in the image, then a start in the mode that refuses an archive that does not
   * match the jars, with most application classes coming from the archive.
   */
  private void trainsAndStartsFromTheArchive(
      Path jdk,
      String service,
      String archiveFile,
      long minimumBytes,
      String useOption,
      String strictMode)
      throws Exception {
    Path app = layOutAsTheImage(service);
    Path archive = app.resolve(archiveFile);

    Result training = train(jdk, app, Map.of());
    assertThat(training.exit()).as(training.output()).isZero();
    assertThat(Files.size(archive)).isGreaterThan(minimumBytes);
    assertThat(Files.readString(app.resolve("archive.args")).trim()).isEqualTo(useOption + archive);

    Path classLog = work.resolve("class-load.log");
    Result fromArchive =
        train(
            jdk,
            app,
            Map.of(
                "APPCDS_OPTIONS",
                strictMode
                    + " "
                    + useOption
                    + archive
                    + " -Xlog:class+load=info:file="
                    + classLog));
    assertThat(fromArchive.exit()).as(fromArchive.output()).isZero();
    assertThat(sharedClasses(classLog))
        .as("application classes loaded from the archive")
        .isGreaterThan(3_000);
  }

  private static long sharedClasses(Path classLog) throws IOException {
    try (Stream<String> lines = Files.lines(classLog, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains("shared objects file")).count();
    }
  }

  /** A JDK 25 installed beside the build's JDK, or null. */
  private static Path jdk25() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> releaseVersion(home).startsWith("25"))
          .findFirst()
          .orElse(null);
    }
  }

  private static String releaseVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          return line.substring("JAVA_VERSION=".length()).replace("\"", "");
        }
      }
    } catch (IOException noReleaseFile) {
      // not a JDK
    }
    return "";
  }

  /**
   * As the Dockerfile: the jar copied in as fat.jar, Boot's layers merged into one directory,
   * app.jar beside lib/. The Dockerfile's own lines are checked, so the two cannot drift apart (the
   * first real image build failed on exactly that: the extracted jar is named after fat.jar).
   */
  private Path layOutAsTheImage(String service) throws Exception {
    Path original = Repo.root().resolve(service).resolve("target").resolve(service + ".jar");
    assumeTrue(Files.isRegularFile(original), original + " is built by the reactor before deploy/");
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

  private Result train(Path jdk, Path app, Map<String, String> env) throws Exception {
    Path script = Repo.root().resolve("deploy/docker/appcds-training.sh");
    Map<String, String> environment = new java.util.HashMap<>(env);
    environment.put("TMPDIR", work.toString());
    environment.put("PATH", jdk.resolve("bin") + ":" + System.getenv("PATH"));
    return run(
        List.of(
            "sh", script.toString(), app.resolve("app.jar").toString(), app.resolve("app") + ""),
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
