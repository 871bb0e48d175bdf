package cn.dangjian.dues.bill;

import java.util.UUID;

/**
 * Arrears are counted from bills, so after bills change they are counted again. The arrears feature
 * implements this: bills do not depend on arrears, which read them.
 */
public interface ArrearsRecount {

  /** Every member under {@code pathPrefix} (null: everyone); returns how many changed. */
  int subtree(String pathPrefix);

  /** One member, in the caller's transaction. */
  void member(UUID memberId);
}
