package cn.dangjian.assessment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Assessment (考核评价): indicator systems, cycles with 述职评议, rankings, accountability, member points,
 * responsibility lists, innovation cases.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssessmentServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AssessmentServiceApplication.class, args);
  }
}
