/**
 * Monthly bills (账单): set-based bill runs, the member's bills, prices and re-pricing when an
 * assessment changes, and taking bills for a payment. Arrears are recounted through {@link
 * cn.dangjian.dues.bill.ArrearsRecount}, which the arrears feature implements.
 */
@ApplicationModule(
    displayName = "Bills 账单",
    allowedDependencies = {"access", "audit", "config", "profile", "support"})
package cn.dangjian.dues.bill;

import org.springframework.modulith.ApplicationModule;
