package cn.dangjian.dues;

import cn.dangjian.testsupport.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The boundaries every service keeps (platform/test-support's ArchitectureRules). */
class ArchitectureTest {

  @Test
  void keepsTheSharedBoundaries() {
    ArchitectureRules.verify("cn.dangjian.dues");
  }
}
