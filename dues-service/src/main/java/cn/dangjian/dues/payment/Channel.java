package cn.dangjian.dues.payment;

/** How a payment is made. */
public enum Channel {
  /** 线下: cash or transfer, recorded by a party worker with the receipt number. */
  OFFLINE("线下"),
  /** 在线: through a payment provider, confirmed by its signed callback. */
  ONLINE("在线");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
