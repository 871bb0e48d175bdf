package cn.dangjian.member.privacy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonalDataAccessRepository extends JpaRepository<PersonalDataAccess, UUID> {

  List<PersonalDataAccess> findByMemberIdOrderByAccessedAtDesc(UUID memberId);
}
