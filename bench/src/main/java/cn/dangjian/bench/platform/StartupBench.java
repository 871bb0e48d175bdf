package cn.dangjian.bench.platform;

import cn.dangjian.bench.BenchMain;
import cn.dangjian.bench.RssSampler;
import cn.dangjian.bench.ServiceProcess;
import cn.dangjian.testsupport.FakeKeycloak;
import cn.dangjian.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 9, item 3: what JVM start-up settings buy on 2 cores. For member-service (a servlet
 * service; the others have the same stack) and the gateway: the fat jar as the images run it, the
 * jar extracted by Spring Boot's jar mode, extracted + an AppCDS archive (JDK 17), and on JDK 25
 * extracted with and without an AOT cache (JEP 483/514). Archives come from a training run that
 * stops after the context refresh ({@code spring.context.exit=onRefresh}). Start = process start →
 * readiness UP; RSS right after. Options: --rounds= (2), --jvm= (heap/GC options of every start),
 * --jdk25= (path of the JDK 25 home).
 */
public final class StartupBench {

  private static final String DEFAULT_JVM = "-Xms256m -Xmx256m -XX:+UseSerialGC";

  private record Variant(String name, Path java, boolean extracted, List<String> extraJvm) {}

  private record Setup(
      String module, Map<String, String> properties, Map<String, String> environment) {}

  public static void main(String[] args) {
    BenchMain.run(args, StartupBench::measure);
  }

  private static void measure(Map<String, String> options) throws Exception {
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
    List<String> jvm = PlatformStack.split(options.getOrDefault("jvm", DEFAULT_JVM));
    Path jdk17 = ServiceProcess.currentJava();
    Path jdk25 =
        Path.of(options.getOrDefault("jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
    Path out = Path.of("bench/target/bench-results/startup");
    Files.createDirectories(out);
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "## Start-up settings (issue 9) — %d cores, every start with `%s`%n%n",
            Runtime.getRuntime().availableProcessors(),
            String.join(" ", jvm)));
    report.append("| process | variant | start s (each round) | RSS after start MB |\n");
    report.append("|---|---|---|---|\n");
    try (FakeKeycloak keycloak = FakeKeycloak.start()) {
      TestKafka kafka = TestKafka.shared("member.events");
      PlatformStack.ServiceSetup member =
          PlatformStack.ServiceSetup.ownSchema("member-service", "plat_startup_member");
      Map<String, String> memberProps = new LinkedHashMap<>(member.properties());
      memberProps.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      memberProps.putAll(keycloak.resourceServerProperties());
      Map<String, String> gatewayProps = new LinkedHashMap<>(keycloak.resourceServerProperties());
      List<Setup> setups =
          List.of(
              new Setup("member-service", memberProps, member.environment()),
              new Setup("gateway", gatewayProps, Map.of()));
      for (Setup setup : setups) {
        Path fat = out.resolve(setup.module() + ".jar");
        Files.copy(
            Path.of(setup.module(), "target", setup.module() + ".jar"),
            fat,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path extracted = extract(jdk17, fat, out.resolve(setup.module() + "-extracted"));
        Path cds = out.resolve(setup.module() + ".jsa");
        Path aot = out.resolve(setup.module() + ".aot");
        train(jdk17, extracted, jvm, List.of("-XX:ArchiveClassesAtExit=" + cds), setup, out);
        boolean hasJdk25 = Files.isExecutable(jdk25);
        if (hasJdk25) {
          train(jdk25, extracted, jvm, List.of("-XX:AOTCacheOutput=" + aot), setup, out);
        }
        List<Variant> variants = new ArrayList<>();
        variants.add(
            new Variant("JDK 17, fat jar (as the images run it)", jdk17, false, List.of()));
        variants.add(new Variant("JDK 17, extracted jar", jdk17, true, List.of()));
        variants.add(
            new Variant(
                "JDK 17, extracted + AppCDS archive",
                jdk17,
                true,
                List.of("-XX:SharedArchiveFile=" + cds)));
        if (hasJdk25) {
          variants.add(new Variant("JDK 25, extracted jar", jdk25, true, List.of()));
          variants.add(
              new Variant(
                  "JDK 25, extracted + AOT cache", jdk25, true, List.of("-XX:AOTCache=" + aot)));
        }
        for (Variant variant : variants) {
          List<String> starts = new ArrayList<>();
          long rss = 0;
          for (int round = 0; round < rounds; round++) {
            List<String> opts = new ArrayList<>(jvm);
            opts.addAll(variant.extraJvm());
            try (ServiceProcess process =
                ServiceProcess.start(
                    variant.java(),
                    variant.extracted() ? extracted : fat,
                    out.resolve(setup.module() + "-start.log"),
                    opts,
                    withLogging(setup.properties()),
                    setup.environment(),
                    Duration.ofMinutes(3))) {
              starts.add(
                  String.format(Locale.ROOT, "%.1f", process.startTime().toMillis() / 1000.0));
              rss = new RssSampler(process.pid()).currentMb();
            }
          }
          String row =
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | %d |%n",
                  setup.module(),
                  variant.name(),
                  String.join(" / ", starts),
                  rss);
          System.out.print(row);
          report.append(row);
        }
      }
    }
    Files.writeString(out.resolve("startup-bench.md"), report.toString(), StandardCharsets.UTF_8);
    System.out.println("\nwritten to " + out.resolve("startup-bench.md"));
  }

  private static Map<String, String> withLogging(Map<String, String> properties) {
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.put("logging.level.root", "WARN");
    return props;
  }

  /** Spring Boot's jar mode: {@code dir/<name>.jar} with its libraries beside it in lib/. */
  private static Path extract(Path java, Path fat, Path dir) throws Exception {
    run(
        List.of(
            java.toString(),
            "-Djarmode=tools",
            "-jar",
            fat.toString(),
            "extract",
            "--force",
            "--destination",
            dir.toString()),
        Map.of(),
        dir.resolveSibling(dir.getFileName() + ".log"));
    return dir.resolve(fat.getFileName());
  }

  /** One start that exits after the context refresh, writing the archive the options name. */
  private static void train(
      Path java, Path jar, List<String> jvm, List<String> archive, Setup setup, Path out)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvm);
    command.addAll(archive);
    command.add("-Dspring.context.exit=onRefresh");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=0");
    withLogging(setup.properties()).forEach((k, v) -> command.add("--" + k + "=" + v));
    run(command, setup.environment(), out.resolve(setup.module() + "-training.log"));
  }

  private static void run(List<String> command, Map<String, String> env, Path log)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command.subList(0, Math.min(4, command.size())))
              + " failed; see "
              + log);
    }
  }
}
