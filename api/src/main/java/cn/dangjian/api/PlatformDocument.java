package cn.dangjian.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The one document of the whole platform, merged from the services' documents so that a client
 * generator sees every operation once. Paths and operationIds must be distinct across services. A
 * component that is the same everywhere it is defined (including everything it refers to) is shared
 * under its name; otherwise each service's version is renamed with the service's prefix ({@code
 * member-service}'s {@code Result} becomes {@code MemberResult}). The result depends only on the
 * input documents and their order.
 */
public final class PlatformDocument {

  private static final Pattern REF = Pattern.compile("^#/components/([^/]+)/([^/]+)$");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlatformDocument() {}

  /**
   * Merges the documents, given by service name in a fixed order, under the given title and
   * description.
   */
  public static ObjectNode merge(
      Map<String, JsonNode> documents, String title, String description) {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    JsonNode first = documents.values().iterator().next();
    for (String field : List.of("openapi", "servers", "security")) {
      documents.forEach(
          (service, document) -> {
            if (!document.path(field).equals(first.path(field))) {
              throw new IllegalArgumentException(
                  service + " differs in '" + field + "' from the first document");
            }
          });
    }
    Map<String, String> renames = componentNames(documents);

    ObjectNode merged = JSON.createObjectNode();
    merged.set("openapi", first.get("openapi").deepCopy());
    ObjectNode info = (ObjectNode) first.get("info").deepCopy();
    info.put("title", title);
    info.put("description", description);
    merged.set("info", info);
    if (first.has("servers")) {
      merged.set("servers", first.get("servers").deepCopy());
    }
    if (first.has("security")) {
      merged.set("security", first.get("security").deepCopy());
    }
    ArrayNode tags = merged.putArray("tags");
    Map<String, JsonNode> tagsByName = new LinkedHashMap<>();
    ObjectNode paths = merged.putObject("paths");
    Map<String, String> operationIds = new TreeMap<>();
    ObjectNode components = merged.putObject("components");

    documents.forEach(
        (service, original) -> {
          JsonNode document = rewriteRefs(original.deepCopy(), service, renames);
          for (JsonNode tag : document.path("tags")) {
            JsonNode before = tagsByName.putIfAbsent(tag.path("name").asString(), tag);
            if (before == null) {
              tags.add(tag);
            } else if (!before.equals(tag)) {
              throw new IllegalArgumentException(
                  "tag '" + tag.path("name").asString() + "' differs between services");
            }
          }
          for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (paths.has(path.getKey())) {
              throw new IllegalArgumentException(
                  "path " + path.getKey() + " is in two services (" + service + ")");
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
              String id = op.getValue().path("operationId").asString("");
              String where = service + " " + op.getKey().toUpperCase() + " " + path.getKey();
              String before = id.isEmpty() ? null : operationIds.put(id, where);
              if (before != null) {
                throw new IllegalArgumentException(
                    "operationId " + id + " in " + before + " and " + where);
              }
            }
            paths.set(path.getKey(), path.getValue());
          }
          for (Map.Entry<String, JsonNode> section : document.path("components").properties()) {
            ObjectNode target =
                components.has(section.getKey())
                    ? (ObjectNode) components.get(section.getKey())
                    : components.putObject(section.getKey());
            for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
              String name = renames.get(key(service, section.getKey(), component.getKey()));
              target.set(name, component.getValue());
            }
          }
        });
    return merged;
  }

  /**
   * The merged name of every component, keyed by {@code service section name}: its own name where
   * every service that defines it defines the same thing, the service's prefix otherwise.
   */
  static Map<String, String> componentNames(Map<String, JsonNode> documents) {
    // section/name -> service -> definition
    Map<String, Map<String, JsonNode>> definitions = new TreeMap<>();
    documents.forEach(
        (service, document) ->
            document
                .path("components")
                .properties()
                .forEach(
                    section ->
                        section
                            .getValue()
                            .properties()
                            .forEach(
                                component ->
                                    definitions
                                        .computeIfAbsent(
                                            section.getKey() + "/" + component.getKey(),
                                            k -> new LinkedHashMap<>())
                                        .put(service, component.getValue()))));
    Set<String> shared = new TreeSet<>();
    definitions.forEach(
        (component, byService) -> {
          if (byService.size() > 1 && byService.values().stream().distinct().count() == 1) {
            shared.add(component);
          }
        });
    // a definition identical in text but referring to something that differs is not the same
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String component : new ArrayList<>(shared)) {
        for (JsonNode definition : definitions.get(component).values()) {
          Set<String> refs = new HashSet<>();
          collectRefs(definition, refs);
          if (!refs.stream().allMatch(r -> shared.contains(r) || only(definitions, r))) {
            shared.remove(component);
            changed = true;
            break;
          }
        }
      }
    }
    Map<String, String> names = new TreeMap<>();
    Set<String> taken = new TreeSet<>(definitions.keySet());
    definitions.forEach(
        (component, byService) -> {
          String section = component.substring(0, component.indexOf('/'));
          String name = component.substring(component.indexOf('/') + 1);
          boolean keepsName = byService.size() == 1 || shared.contains(component);
          for (String service : byService.keySet()) {
            String merged = keepsName ? name : prefix(service) + name;
            if (!keepsName && !taken.add(section + "/" + merged)) {
              throw new IllegalArgumentException(
                  section
                      + " "
                      + name
                      + " of "
                      + service
                      + " would be renamed to "
                      + merged
                      + ", which exists already: rename one of them");
            }
            names.put(key(service, section, name), merged);
          }
        });
    return names;
  }

  private static boolean only(Map<String, Map<String, JsonNode>> definitions, String component) {
    Map<String, JsonNode> byService = definitions.get(component);
    return byService == null || byService.size() == 1;
  }

  /** {@code org-life-service} → {@code OrgLife}. */
  static String prefix(String service) {
    StringBuilder out = new StringBuilder();
    for (String word : service.replaceFirst("-service$", "").split("-")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }

  private static String key(String service, String section, String name) {
    return service + " " + section + "/" + name;
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("$ref") && field.getValue().isString()) {
          Matcher m = REF.matcher(field.getValue().asString());
          if (m.matches()) {
            refs.add(m.group(1) + "/" + m.group(2));
          }
        } else {
          collectRefs(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collectRefs(item, refs));
    }
  }

  private static JsonNode rewriteRefs(JsonNode node, String service, Map<String, String> renames) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
        if (field.getKey().equals("$ref") && field.getValue().isString()) {
          Matcher m = REF.matcher(field.getValue().asString());
          if (m.matches()) {
            String name = renames.get(key(service, m.group(1), m.group(2)));
            if (name == null) {
              throw new IllegalArgumentException(
                  service + " refers to a missing component " + field.getValue().asString());
            }
            object.set("$ref", StringNode.valueOf("#/components/" + m.group(1) + "/" + name));
          }
        } else {
          rewriteRefs(field.getValue(), service, renames);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> rewriteRefs(item, service, renames));
    }
    return node;
  }
}
