package cn.dangjian.member.account;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberAccountRepository extends JpaRepository<MemberAccount, UUID> {}
