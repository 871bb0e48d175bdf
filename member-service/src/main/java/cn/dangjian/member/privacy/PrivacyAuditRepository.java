package cn.dangjian.member.privacy;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PrivacyAuditRepository extends JpaRepository<PrivacyAudit, UUID> {}
