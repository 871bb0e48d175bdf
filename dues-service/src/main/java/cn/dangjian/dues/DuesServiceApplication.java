package cn.dangjian.dues;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Party dues (党费): bases and rates, monthly bills, payments, arrears and collection reports. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DuesServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(DuesServiceApplication.class, args);
  }
}
