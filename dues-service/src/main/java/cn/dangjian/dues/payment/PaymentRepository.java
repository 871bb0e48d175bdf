package cn.dangjian.dues.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRepository extends JpaRepository<Payment, UUID> {

  Optional<Payment> findByProviderAndProviderOrderId(String provider, String orderId);

  Page<Payment> findByMemberId(UUID memberId, Pageable pageable);

  @Query("select p from Payment p where p.orgPath like :pattern escape '\\'")
  Page<Payment> findUnder(String pattern, Pageable pageable);

  @Query("select p.id from Payment p where p.status = 'PENDING' and p.expiresAt < :now")
  List<UUID> expiredPending(Instant now);
}
