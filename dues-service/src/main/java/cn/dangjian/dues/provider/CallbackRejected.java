package cn.dangjian.dues.provider;

/** A callback that must not be applied, with the outcome to log. */
public class CallbackRejected extends RuntimeException {

  /** Why a callback was not applied. */
  public enum Outcome {
    BAD_SIGNATURE,
    MALFORMED,
    STALE,
    REPLAYED,
    UNKNOWN_ORDER,
    AMOUNT_MISMATCH,
    NOT_PENDING,
    EXPIRED
  }

  private final Outcome outcome;

  public CallbackRejected(Outcome outcome, String detail) {
    super(detail);
    this.outcome = outcome;
  }

  public Outcome outcome() {
    return outcome;
  }
}
