package cn.dangjian.platform;

import java.io.IOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults ({@code dangjian/defaults.properties}) with the lowest precedence,
 * so a service's application.yml, env vars and command line override any of them.
 */
public class DangjianDefaultsPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      for (PropertySource<?> source :
          new PropertiesPropertySourceLoader()
              .load("dangjian-defaults", new ClassPathResource("dangjian/defaults.properties"))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read dangjian/defaults.properties", e);
    }
  }
}
