package cn.dangjian.member.person;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberRepository
    extends JpaRepository<Member, UUID>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<Member> {

  boolean existsByIdNumberHash(String idNumberHash);
}
