package cn.dangjian.alert;

import cn.dangjian.testsupport.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The boundaries every service keeps (platform/test-support's ArchitectureRules): no cycles between
 * the feature packages, SQL only in stores, no SQL in controllers, plain *Rules, Swagger only on
 * controllers and their request/response/view records.
 */
class ArchitectureTest {

  @Test
  void keepsTheSharedBoundaries() {
    ArchitectureRules.verify("cn.dangjian.alert");
  }
}
