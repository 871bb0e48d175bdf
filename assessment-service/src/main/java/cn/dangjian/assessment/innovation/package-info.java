/**
 * Innovation cases (党建创新奖): submission, review by the level above, the yearly selection and the
 * library.
 */
@ApplicationModule(
    displayName = "Innovation cases 党建创新奖",
    allowedDependencies = {})
package cn.dangjian.assessment.innovation;

import org.springframework.modulith.ApplicationModule;
