package cn.dangjian.orglife;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Organisational life (组织生活): 三会一课, attendance, reviews, compliance, training. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrgLifeServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrgLifeServiceApplication.class, args);
  }
}
