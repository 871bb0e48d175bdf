package cn.dangjian.platform.events;

import cn.dangjian.platform.persistence.DatabaseAway;

/**
 * Whether a consumer failed because the infrastructure is away (database unreachable or restarting,
 * a lock or deadlock that a retry resolves), not because of the record. Such a record is retried
 * until it succeeds: parked on the DLT after a few retries, every good record consumed during a
 * database restart would be missing from the projections. A record found poisonous is the record's
 * fault whatever else the chain says.
 */
public final class InfrastructureAway {

  private InfrastructureAway() {}

  /** True if the failure or any of its causes says so, and none of them is a poison record. */
  public static boolean causedThe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PoisonEventException) {
        return false;
      }
    }
    return DatabaseAway.causedThe(failure);
  }
}
