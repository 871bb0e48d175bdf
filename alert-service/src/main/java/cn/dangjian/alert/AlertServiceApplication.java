package cn.dangjian.alert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Early warnings (预警) from every domain event, with rectification suggestions and deadlines. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AlertServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AlertServiceApplication.class, args);
  }
}
