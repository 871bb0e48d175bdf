/**
 * Where the dues go (DOMAIN.md §3.3): each org's dues account (党费专户) — members' dues read from the
 * payments credited to the org, bank interest, expenses and allocations on a collective decision
 * (DF Art 20) for the uses of Art 19, the quarterly upward remittance, and the year published to
 * the members.
 */
@ApplicationModule(
    displayName = "Dues ledger 党费专户",
    allowedDependencies = {"access", "audit", "config", "meeting", "support"})
package cn.dangjian.dues.ledger;

import org.springframework.modulith.ApplicationModule;
