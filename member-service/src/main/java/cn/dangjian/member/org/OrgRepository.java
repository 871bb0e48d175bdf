package cn.dangjian.member.org;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface OrgRepository
    extends JpaRepository<Org, UUID>, JpaSpecificationExecutor<Org>, OrgRepositoryExtras {}
