/**
 * Payment providers: the provider interface, the local sandbox provider and its pay page. Callbacks
 * are applied through {@link cn.dangjian.dues.provider.CallbackHandler}, which the payment feature
 * implements.
 */
@ApplicationModule(
    displayName = "Payment providers 支付渠道",
    allowedDependencies = {"access", "config", "support"})
package cn.dangjian.dues.provider;

import org.springframework.modulith.ApplicationModule;
