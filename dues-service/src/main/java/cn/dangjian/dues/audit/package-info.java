/**
 * The audit trail of money-relevant decisions (bill runs, hardship decisions, reversals), written
 * in the decision's transaction.
 */
@ApplicationModule(
    displayName = "Audit trail 审计",
    allowedDependencies = {"support"})
package cn.dangjian.dues.audit;

import org.springframework.modulith.ApplicationModule;
