package cn.dangjian.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.api.BreakingChanges.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector itself, on small documents: what it must catch and what it must let through. */
class BreakingChangesTest {

  private static final String RELEASED = fixture("released.yaml");

  @Test
  void aRemovedOperationBreaksClients() {
    List<Change> changes = BreakingChanges.between(RELEASED, fixture("removed-operation.yaml"));

    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.operationId()).isEqualTo("getThing");
              assertThat(c.path()).isEqualTo("/api/things/{id}");
              assertThat(c.what()).isEqualTo("removed");
            });
  }

  @Test
  void aParameterThatBecameRequiredBreaksClients() {
    List<Change> changes = BreakingChanges.between(RELEASED, fixture("required-parameter.yaml"));

    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.operationId()).isEqualTo("listThings");
              assertThat(c.what()).contains("parameters");
            });
  }

  @Test
  void anAddedOptionalFieldBreaksNobody() {
    assertThat(BreakingChanges.between(RELEASED, fixture("optional-field.yaml"))).isEmpty();
    assertThat(BreakingChanges.between(RELEASED, RELEASED)).isEmpty();
  }

  @Test
  void aBreakingChangeIsAnnouncedByItsOperationIdOrPathUnderUnreleased() {
    List<Change> changes = BreakingChanges.between(RELEASED, fixture("removed-operation.yaml"));

    String byId = "# API changelog\n\n## Unreleased\n\n- `getThing` is gone: use `listThings`.\n";
    String byPath = "## Unreleased\n- GET /api/things/{id} removed\n## 2026-01-01\n";
    assertThat(BreakingChanges.unannounced(changes, byId)).isEmpty();
    assertThat(BreakingChanges.unannounced(changes, byPath)).isEmpty();

    String inAReleasedSection = "## Unreleased\n\n## 2026-01-01\n- `getThing` removed\n";
    String aLongerPath = "## Unreleased\n- GET /api/things/{id}/parts removed\n";
    String anotherName = "## Unreleased\n- `getThings` removed\n";
    assertThat(BreakingChanges.unannounced(changes, inAReleasedSection)).hasSize(1);
    assertThat(BreakingChanges.unannounced(changes, aLongerPath)).hasSize(1);
    assertThat(BreakingChanges.unannounced(changes, anotherName)).hasSize(1);
  }

  private static String fixture(String name) {
    try (var in = BreakingChangesTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
