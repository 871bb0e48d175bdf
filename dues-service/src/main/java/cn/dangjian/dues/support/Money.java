package cn.dangjian.dues.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is held in fen (分, long); people read 元. */
public final class Money {

  private Money() {}

  /** 元 with two decimals, for messages and exports. */
  public static String yuan(long fen) {
    return BigDecimal.valueOf(fen)
        .movePointLeft(2)
        .setScale(2, RoundingMode.UNNECESSARY)
        .toPlainString();
  }
}
