package cn.dangjian.member.mobile;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MobileReportRepository extends JpaRepository<MobileReport, UUID> {

  List<MobileReport> findByCertificateIdOrderByReportedOnDesc(UUID certificateId);
}
