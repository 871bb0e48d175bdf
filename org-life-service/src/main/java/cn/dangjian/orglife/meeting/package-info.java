/**
 * 三会一课 and the other meetings: planning, the record, submission, review by the superior org,
 * corrections. Approval counts the meeting for compliance and credits a 党课's hours; submission runs
 * the anti-formalism checks. Exposes {@code lookup} (a meeting in the caller's scope) and {@code
 * absence-reasons}.
 */
@ApplicationModule(
    displayName = "Meetings",
    allowedDependencies = {
      "compliance::counts",
      "directory::committees",
      "formalism::checks",
      "training::ledger"
    })
package cn.dangjian.orglife.meeting;

import org.springframework.modulith.ApplicationModule;
