package cn.dangjian.member.org;

import jakarta.persistence.EntityManager;

class OrgRepositoryExtrasImpl implements OrgRepositoryExtras {

  private final EntityManager entityManager;

  OrgRepositoryExtrasImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void detachAll() {
    entityManager.clear();
  }
}
