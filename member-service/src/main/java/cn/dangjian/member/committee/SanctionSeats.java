package cn.dangjian.member.committee;

import cn.dangjian.member.committee.CommitteeRequests.Leave;
import cn.dangjian.member.discipline.PostsForfeited;
import cn.dangjian.platform.scope.DataScope;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 撤销党内职务 and 留党察看 take the member's committee seats away (DZ Art 41): vacated in the transaction of
 * the approval, each with the usual committee event.
 */
@Component
class SanctionSeats {

  private final CommitteeService committees;
  private final EntityManager entityManager;

  SanctionSeats(CommitteeService committees, EntityManager entityManager) {
    this.committees = committees;
    this.entityManager = entityManager;
  }

  @EventListener
  void on(PostsForfeited forfeited) {
    List<UUID> orgs =
        entityManager
            .createQuery(
                "SELECT t.orgId FROM CommitteeSeat s, CommitteeTerm t WHERE s.termId = t.id"
                    + " AND t.status = :current AND s.memberId = :member AND s.leftOn IS NULL",
                UUID.class)
            .setParameter("current", CommitteeTerm.CURRENT)
            .setParameter("member", forfeited.memberId())
            .getResultList();
    // The decision was taken above the branch: not limited to any caller's scope.
    for (UUID org : orgs) {
      committees.leave(
          org,
          forfeited.memberId(),
          new Leave(forfeited.on(), "受" + forfeited.reason() + "处分，党内职务撤销"),
          DataScope.all());
    }
  }
}
