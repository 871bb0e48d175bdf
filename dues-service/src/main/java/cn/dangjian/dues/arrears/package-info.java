/**
 * Arrears (欠缴): consecutive unpaid months per member counted from the bills, the list a secretary
 * works from, its export, and the month-end sweep.
 */
@ApplicationModule(
    displayName = "Arrears 欠缴",
    allowedDependencies = {"access", "bill", "config", "export", "support"})
package cn.dangjian.dues.arrears;

import org.springframework.modulith.ApplicationModule;
