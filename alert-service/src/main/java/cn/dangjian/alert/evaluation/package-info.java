/** Evaluates a subject's rules against its facts and reconciles its alerts through the engine. */
@ApplicationModule(
    displayName = "Evaluation",
    allowedDependencies = {"handling", "catalogue", "rules", "state"})
package cn.dangjian.alert.evaluation;

import org.springframework.modulith.ApplicationModule;
