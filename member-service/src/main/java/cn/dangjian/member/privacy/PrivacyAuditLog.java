package cn.dangjian.member.privacy;

import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes privacy audit records; its own transaction, so a read-only caller still leaves one. */
@Component
public class PrivacyAuditLog {

  private final PrivacyAuditRepository audits;
  private final Clock clock;

  PrivacyAuditLog(PrivacyAuditRepository audits, Clock clock) {
    this.audits = audits;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(
      PrivacyAudit.Kind kind,
      Caller caller,
      DataScope scope,
      String filter,
      Long rowCount,
      boolean unmasked) {
    audits.save(
        new PrivacyAudit(
            kind,
            caller.username() == null ? caller.subject() : caller.username(),
            caller.orgId().orElse(null),
            scope.kind() == DataScope.Kind.ALL ? "*" : scope.pathPrefix(),
            filter,
            rowCount,
            unmasked,
            clock.instant()));
  }
}
