package cn.dangjian.member.transfer;

import java.util.Set;

/**
 * REQUESTED → APPROVED_OUT → IN_TRANSIT → RECEIVED → COMPLETED; REVOKED or REJECTED end it early.
 */
public enum TransferStatus {
  REQUESTED("已申请"),
  APPROVED_OUT("转出审核通过"),
  IN_TRANSIT("介绍信已开具"),
  RECEIVED("已接收"),
  COMPLETED("回执已收"),
  REVOKED("已撤销"),
  REJECTED("被退回");

  private final String label;

  TransferStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this == REQUESTED || this == APPROVED_OUT || this == IN_TRANSIT;
  }

  Set<TransferStatus> next() {
    return switch (this) {
      case REQUESTED -> Set.of(APPROVED_OUT, REVOKED);
      case APPROVED_OUT -> Set.of(IN_TRANSIT, REVOKED);
      case IN_TRANSIT -> Set.of(RECEIVED, REVOKED, REJECTED);
      case RECEIVED -> Set.of(COMPLETED);
      case COMPLETED, REVOKED, REJECTED -> Set.of();
    };
  }
}
