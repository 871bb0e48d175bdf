package cn.dangjian.dues;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Party dues (党费): bases and rates, monthly bills, payments, arrears and collection reports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DuesServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(DuesServiceApplication.class, args);
  }
}
