package cn.dangjian.testsupport.architecture.sample.bad.beta;

import cn.dangjian.testsupport.architecture.sample.bad.alpha.Alpha;

/** Planted: beta → alpha closes the cycle. */
public class Beta {

  public int value() {
    return 1;
  }

  public int twice(Alpha alpha) {
    return alpha.next(this) * 2;
  }
}
