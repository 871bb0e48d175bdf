package cn.dangjian.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.api.BreakingChanges.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every committed service document keeps working for the clients of its last released version
 * (api/released/), unless api/CHANGELOG.md announces the break under "## Unreleased" by the
 * operation's operationId or path.
 */
class ReleasedDocumentsTest {

  @Test
  void everyBreakingChangeSinceTheReleaseIsInTheChangelog() throws Exception {
    Path api = ApiFiles.directory();
    String changelog = Files.readString(api.resolve("CHANGELOG.md"));
    List<String> unannounced = new ArrayList<>();
    for (String service : ApiFiles.SERVICES) {
      Path released = api.resolve("released").resolve(service + ".json");
      assertThat(released).as("the released document of " + service).exists();
      List<Change> changes =
          BreakingChanges.between(
              Files.readString(released), Files.readString(api.resolve(service + ".json")));
      BreakingChanges.unannounced(changes, changelog)
          .forEach(change -> unannounced.add(service + ": " + change));
    }
    assertThat(unannounced)
        .as(
            "changes that break clients of api/released/ but are not named (operationId or path)"
                + " under '## Unreleased' in api/CHANGELOG.md")
        .isEmpty();
  }
}
