package cn.dangjian.alert.handling;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AlertHistoryRepository extends JpaRepository<AlertHistory, UUID> {

  List<AlertHistory> findByAlertIdOrderByAtAscIdAsc(UUID alertId);
}
