package cn.dangjian.platform.events;

/** A record that can never be processed (not an envelope, unknown version…): straight to DLT. */
public class PoisonEventException extends RuntimeException {

  public PoisonEventException(String reason) {
    super(reason);
  }

  public PoisonEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
