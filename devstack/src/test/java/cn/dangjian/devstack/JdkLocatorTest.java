package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

  @TempDir Path tmp;

  private Path fakeJdk(Path home, String javaVersion) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    Files.writeString(
        home.resolve("release"),
        "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\""
            + javaVersion
            + "\"\nOS_NAME=\"Linux\"\n");
    return home;
  }

  @Test
  void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
    assertThat(JdkLocator.featureVersion(fakeJdk(tmp.resolve("a"), "25.0.3"))).hasValue(25);
    assertThat(JdkLocator.featureVersion(fakeJdk(tmp.resolve("b"), "21"))).hasValue(21);
    assertThat(JdkLocator.featureVersion(fakeJdk(tmp.resolve("c"), "1.8.0_392"))).hasValue(8);
    assertThat(JdkLocator.featureVersion(tmp.resolve("missing"))).isEmpty();
  }

  @Test
  void picksTheNewestJdk21PlusUnderTheSearchRootsWhenJavaHomeIsTooOld() throws IOException {
    Path jvm = tmp.resolve("jvm");
    Path jdk17 = fakeJdk(jvm.resolve("java-17-openjdk"), "17.0.15");
    fakeJdk(jvm.resolve("temurin-21-jdk"), "21.0.8");
    Path jdk25 = fakeJdk(jvm.resolve("temurin-25-jdk"), "25.0.3");

    JdkLocator locator =
        new JdkLocator(Map.of("JAVA_HOME", jdk17.toString()), Optional.of(jdk17), List.of(jvm));

    assertThat(locator.locate()).isEqualTo(jdk25);
  }

  @Test
  void prefersJavaHomeWhenItIs21OrNewer() throws IOException {
    Path jvm = tmp.resolve("jvm");
    fakeJdk(jvm.resolve("temurin-25-jdk"), "25.0.3");
    Path javaHome = fakeJdk(tmp.resolve("my-jdk-21"), "21.0.2");

    JdkLocator locator =
        new JdkLocator(Map.of("JAVA_HOME", javaHome.toString()), Optional.empty(), List.of(jvm));

    assertThat(locator.locate()).isEqualTo(javaHome);
  }

  @Test
  void theExplicitVariableWinsAndMustBe21OrNewer() throws IOException {
    Path jdk22 = fakeJdk(tmp.resolve("jdk22"), "22.0.1");
    Path jdk17 = fakeJdk(tmp.resolve("jdk17"), "17.0.15");

    assertThat(
            new JdkLocator(
                    Map.of(JdkLocator.ENV_KEYCLOAK_JAVA_HOME, jdk22.toString()),
                    Optional.empty(),
                    List.of())
                .locate())
        .isEqualTo(jdk22);
    assertThatThrownBy(
            () ->
                new JdkLocator(
                        Map.of(JdkLocator.ENV_KEYCLOAK_JAVA_HOME, jdk17.toString()),
                        Optional.empty(),
                        List.of())
                    .locate())
        .hasMessageContaining("is not a JDK 21+")
        .hasMessageContaining("Java 17");
  }

  @Test
  void findsMacOsBundleHomes() throws IOException {
    Path vms = tmp.resolve("JavaVirtualMachines");
    Path home =
        fakeJdk(vms.resolve("temurin-21.jdk").resolve("Contents").resolve("Home"), "21.0.5");

    JdkLocator locator = new JdkLocator(Map.of(), Optional.empty(), List.of(vms));

    assertThat(locator.locate()).isEqualTo(home);
  }

  @Test
  void saysWhatToInstallWhenNoJdk21Exists() throws IOException {
    Path jvm = tmp.resolve("jvm");
    Path jdk17 = fakeJdk(jvm.resolve("java-17-openjdk"), "17.0.15");

    JdkLocator locator = new JdkLocator(Map.of(), Optional.of(jdk17), List.of(jvm));

    assertThatThrownBy(locator::locate)
        .isInstanceOf(JdkLocator.JdkNotFoundException.class)
        .hasMessageContaining("Keycloak needs JDK 21 or newer")
        .hasMessageContaining("temurin-21-jdk")
        .hasMessageContaining(JdkLocator.ENV_KEYCLOAK_JAVA_HOME);
  }

  @Test
  void ignoresAReleaseFileWithoutAJavaBinary() throws IOException {
    Path jvm = tmp.resolve("jvm");
    Path broken = fakeJdk(jvm.resolve("broken-25"), "25");
    Files.delete(broken.resolve("bin/java"));

    JdkLocator locator = new JdkLocator(Map.of(), Optional.empty(), List.of(jvm));

    assertThatThrownBy(locator::locate).isInstanceOf(JdkLocator.JdkNotFoundException.class);
  }
}
