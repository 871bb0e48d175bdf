package cn.dangjian.testsupport.architecture.sample.bad.alpha;

import cn.dangjian.testsupport.architecture.sample.bad.beta.Beta;

/** Planted: alpha → beta → alpha, a cycle between two feature packages. */
public class Alpha {

  public int next(Beta beta) {
    return beta.value() + 1;
  }
}
