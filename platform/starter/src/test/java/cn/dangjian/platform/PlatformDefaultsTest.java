package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What every service gets unless it says otherwise. */
class PlatformDefaultsTest {

  private static Properties defaults() throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        PlatformDefaultsTest.class.getResourceAsStream("/dangjian/defaults.properties")) {
      properties.load(in);
    }
    return properties;
  }

  @Test
  void noServiceFallsBackToTheDatabaseRootUserWithAnEmptyPassword() throws Exception {
    Properties defaults = defaults();
    assertThat(defaults).doesNotContainKey("spring.datasource.username");
    assertThat(defaults).doesNotContainKey("spring.datasource.password");
  }

  @Test
  void errorsNeverCarryStackTracesOrExceptionMessages() throws Exception {
    Properties defaults = defaults();
    assertThat(defaults.getProperty("server.error.include-stacktrace")).isEqualTo("never");
    assertThat(defaults.getProperty("server.error.include-message")).isEqualTo("never");
  }
}
