package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ServiceLauncher against a tiny stand-in "fat jar" (FakeService), so it runs in seconds. */
class ServiceLauncherIT {

  @TempDir static Path repo;
  static Path jar;

  @BeforeAll
  static void buildFakeJar() throws IOException {
    jar = repo.resolve("fake-service/target/fake-service.jar");
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
    String entry = FakeService.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        var classBytes = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      classBytes.transferTo(out);
      out.closeEntry();
    }
  }

  private static ServiceLauncher launcher(Path jarFile, Map<String, String> properties, Path logs) {
    return new ServiceLauncher(
        "fake-service",
        jarFile,
        PortCheck.freePort(),
        properties,
        logs,
        Duration.ofSeconds(30),
        List.of());
  }

  @Test
  void startsWaitsForReadinessStopsAndRestartsAppendingToTheLog(@TempDir Path logs)
      throws IOException {
    ServiceLauncher service =
        launcher(jar, Map.of("spring.kafka.bootstrap-servers", "127.0.0.1:9"), logs);
    try {
      service.start();
      assertThat(service.isRunning()).isTrue();
      assertThat(PortCheck.isFree(service.port())).isFalse();
      assertThat(service.lastStartDuration()).isPresent();
      long firstPid = service.pid().orElseThrow();

      service.restart();
      assertThat(service.isRunning()).isTrue();
      assertThat(service.pid().orElseThrow()).isNotEqualTo(firstPid);

      service.stop();
      assertThat(service.isRunning()).isFalse();
      assertThat(PortCheck.isFree(service.port())).isTrue();
    } finally {
      service.stop();
    }
    String log = Files.readString(logs.resolve("fake-service.log"));
    assertThat(log)
        .contains("arg --server.port=" + service.port())
        .contains("arg --management.endpoint.health.probes.enabled=true")
        .contains("arg --spring.kafka.bootstrap-servers=127.0.0.1:9")
        .contains("restarting fake-service");
  }

  @Test
  void aServiceThatDiesShowsTheEndOfItsLog(@TempDir Path logs) {
    ServiceLauncher service = launcher(jar, Map.of("fail", "true"), logs);

    assertThatThrownBy(service::start)
        .hasMessageContaining("fake-service exited with code 3")
        .hasMessageContaining("boom: failing on purpose")
        .hasMessageContaining(logs.resolve("fake-service.log").toString());
    assertThat(service.isRunning()).isFalse();
  }

  @Test
  void aMissingJarSaysHowToBuildIt(@TempDir Path logs) {
    ServiceLauncher service = launcher(repo.resolve("nope/target/nope.jar"), Map.of(), logs);

    assertThatThrownBy(service::start)
        .hasMessageContaining("nope.jar not found")
        .hasMessageContaining("run ./mvnw -DskipTests package first");
  }
}
