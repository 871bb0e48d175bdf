/**
 * Payments (缴纳党费): offline and online, provider callbacks, reversal (冲正) and expiry of unpaid
 * orders.
 */
@ApplicationModule(
    displayName = "Payments 缴费",
    allowedDependencies = {"access", "arrears", "audit", "bill", "config", "provider", "support"})
package cn.dangjian.dues.payment;

import org.springframework.modulith.ApplicationModule;
