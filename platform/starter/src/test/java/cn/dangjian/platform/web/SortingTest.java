package cn.dangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

class SortingTest {

  private static final Set<String> ALLOWED = Set.of("raisedAt", "name");
  private static final Sort NEWEST = Sort.by(Sort.Order.desc("raisedAt"));

  @Test
  void aMinusSortsDescendingAndIdBreaksTiesSoPagesNeverOverlap() {
    assertThat(Sorting.parse(List.of("-raisedAt", "name"), NEWEST, ALLOWED))
        .containsExactly(Sort.Order.desc("raisedAt"), Sort.Order.asc("name"), Sort.Order.asc("id"));
  }

  @Test
  void noSortAskedForIsTheEndpointsOwnOrder() {
    assertThat(Sorting.parse(null, NEWEST, ALLOWED))
        .containsExactly(Sort.Order.desc("raisedAt"), Sort.Order.asc("id"));
    assertThat(Sorting.parse(List.of(" "), NEWEST, ALLOWED))
        .containsExactly(Sort.Order.desc("raisedAt"), Sort.Order.asc("id"));
  }

  @Test
  void aFieldTheEndpointDoesNotOfferIsABadRequestNamingTheFieldsItDoes() {
    assertThatThrownBy(() -> Sorting.parse(List.of("-idNumberCipher"), NEWEST, ALLOWED))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.BAD_REQUEST);
              assertThat(e.args()).containsExactly("idNumberCipher", "name, raisedAt");
              assertThat(e.properties()).containsEntry("rule", "invalid-sort");
            });
  }
}
