package cn.dangjian.member.person;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberStatusChangeRepository extends JpaRepository<MemberStatusChange, UUID> {

  List<MemberStatusChange> findByMemberIdOrderByChangedAtDesc(UUID memberId);
}
