package cn.dangjian.api;

import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The changes of a document that break clients of its released version (openapi-diff's
 * classification: a removed operation, a parameter or field that became required, a removed
 * response field or enum value, …), and which of them the changelog does not announce.
 */
public final class BreakingChanges {

  /** One incompatible change of one operation. */
  public record Change(String operationId, String method, String path, String what) {
    @Override
    public String toString() {
      return method + " " + path + " (" + operationId + "): " + what;
    }
  }

  private BreakingChanges() {}

  /** Every incompatible change from {@code released} to {@code current} (document texts). */
  public static List<Change> between(String released, String current) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
    List<Change> changes = new ArrayList<>();
    for (Endpoint missing : diff.getMissingEndpoints()) {
      changes.add(
          new Change(
              idOf(missing.getOperation()),
              missing.getMethod().name(),
              missing.getPathUrl(),
              "removed"));
    }
    for (ChangedOperation changed : diff.getChangedOperations()) {
      if (changed.isIncompatible()) {
        changes.add(
            new Change(
                idOf(changed.getOldOperation()),
                changed.getHttpMethod().name(),
                changed.getPathUrl(),
                "changed incompatibly in " + where(changed)));
      }
    }
    if (changes.isEmpty() && diff.isIncompatible()) {
      // security schemes, extensions: nothing names an operation
      changes.add(new Change("", "", "", "the document changed incompatibly outside operations"));
    }
    return changes;
  }

  /**
   * The changes that the {@code ## Unreleased} section of the changelog names neither by
   * operationId nor by path.
   */
  public static List<Change> unannounced(List<Change> changes, String changelog) {
    String unreleased = unreleasedSection(changelog);
    return changes.stream().filter(c -> !announced(c, unreleased)).toList();
  }

  static String unreleasedSection(String changelog) {
    StringBuilder section = new StringBuilder();
    boolean inside = false;
    for (String line : changelog.split("\n", -1)) {
      if (line.startsWith("## ")) {
        inside = line.substring(3).strip().equalsIgnoreCase("Unreleased");
      } else if (inside) {
        section.append(line).append('\n');
      }
    }
    return section.toString();
  }

  private static boolean announced(Change change, String unreleased) {
    boolean byId =
        !change.operationId().isEmpty()
            && Pattern.compile("\\b" + Pattern.quote(change.operationId()) + "\\b")
                .matcher(unreleased)
                .find();
    boolean byPath =
        !change.path().isEmpty()
            && Pattern.compile(Pattern.quote(change.path()) + "(?![\\w/{-])")
                .matcher(unreleased)
                .find();
    return byId || byPath;
  }

  private static String idOf(Operation operation) {
    return operation == null || operation.getOperationId() == null
        ? ""
        : operation.getOperationId();
  }

  private static String where(ChangedOperation changed) {
    List<String> parts = new ArrayList<>();
    if (changed.getParameters() != null && changed.getParameters().isIncompatible()) {
      parts.add("parameters");
    }
    if (changed.getRequestBody() != null && changed.getRequestBody().isIncompatible()) {
      parts.add("request body");
    }
    if (changed.getApiResponses() != null && changed.getApiResponses().isIncompatible()) {
      parts.add("responses");
    }
    if (changed.getSecurityRequirements() != null
        && changed.getSecurityRequirements().isIncompatible()) {
      parts.add("security");
    }
    return parts.isEmpty() ? "the operation" : String.join(", ", parts);
  }
}
