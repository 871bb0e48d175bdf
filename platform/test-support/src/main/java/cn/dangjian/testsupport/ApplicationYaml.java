package cn.dangjian.testsupport;

import java.io.IOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's own application.yml as its properties records see it, for tests that check a
 * default survives binding: the first document (no profile), placeholders at their defaults, the
 * machine's environment variables left out so a developer's shell cannot change the answer.
 */
public final class ApplicationYaml {

  private ApplicationYaml() {}

  public static Binder binder() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addLast(
            new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .get(0));
    return Binder.get(environment);
  }
}
