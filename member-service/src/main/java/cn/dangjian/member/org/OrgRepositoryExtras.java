package cn.dangjian.member.org;

/** Persistence-context control for bulk SQL that bypasses Hibernate. */
public interface OrgRepositoryExtras {

  /** Forgets every managed entity so the next read sees what bulk SQL wrote. */
  void detachAll();
}
