package cn.dangjian.member.org;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * The org list's filters with only the predicates given (as {@code MemberSearch} does for members).
 * The name prefix is already escaped by {@link LikeEscaper}, so the LIKE names its escape
 * character: a user's "%" or "_" matches itself, never "anything".
 */
final class OrgSearch {

  private OrgSearch() {}

  static Specification<Org> of(
      String pathPrefix, UUID parentId, OrgType type, String escapedNamePrefix, OrgStatus status) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (pathPrefix != null) {
        where.add(cb.like(root.get("path"), pathPrefix + "%"));
      }
      if (parentId != null) {
        where.add(cb.equal(root.get("parentId"), parentId));
      }
      if (type != null) {
        where.add(cb.equal(root.get("orgType"), type));
      }
      if (escapedNamePrefix != null) {
        where.add(cb.like(root.get("name"), escapedNamePrefix + "%", '\\'));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
