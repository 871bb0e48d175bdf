package cn.dangjian.member.person;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * The member list's filters as a query with only the predicates actually given. Optional "(:x IS
 * NULL OR col = :x)" predicates make the database read every row of a county to check columns no
 * index covers; this way the page total of a subtree + status filter is an index-only scan of
 * (org_path, status, stage).
 */
final class MemberSearch {

  private MemberSearch() {}

  static Specification<Member> of(
      String pathPrefix,
      UUID selfId,
      MemberStage stage,
      MemberStatus status,
      DuesCategory category,
      String escapedNamePrefix,
      String idNumberHash) {
    return (root, query, cb) -> {
      List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>();
      if (pathPrefix != null) {
        where.add(cb.like(root.get("orgPath"), pathPrefix + "%"));
      }
      if (selfId != null) {
        where.add(cb.equal(root.get("id"), selfId));
      }
      if (stage != null) {
        where.add(cb.equal(root.get("stage"), stage));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (category != null) {
        where.add(cb.equal(root.get("duesCategory"), category));
      }
      if (escapedNamePrefix != null) {
        where.add(cb.like(root.get("name"), escapedNamePrefix + "%", '\\'));
      }
      if (idNumberHash != null) {
        where.add(cb.equal(root.get("idNumberHash"), idNumberHash));
      }
      return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
    };
  }
}
