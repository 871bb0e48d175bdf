package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.RuleDefinition;
import cn.dangjian.alert.handling.AlertViews.AlertResponse;
import cn.dangjian.alert.handling.AlertViews.HistoryEntry;
import cn.dangjian.alert.rules.Finding;
import java.time.LocalDate;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Mapper
public interface AlertMapper {

  JsonMapper JSON = JsonMapper.builder().build();

  @Mapping(target = "ruleName", expression = "java(rule(alert, catalogue).name())")
  @Mapping(target = "basis", expression = "java(rule(alert, catalogue).basis())")
  @Mapping(target = "assigneeOrgId", expression = "java(alert.assigneeOrgId())")
  @Mapping(target = "severityLabel", expression = "java(alert.getSeverity().label())")
  @Mapping(target = "statusLabel", expression = "java(alert.getStatus().label())")
  @Mapping(target = "evidence", expression = "java(evidence(alert.getEvidence()))")
  @Mapping(target = "overdue", expression = "java(overdue(alert, today))")
  AlertResponse toResponse(Alert alert, @Context RuleCatalogue catalogue, @Context LocalDate today);

  @Mapping(target = "attachments", expression = "java(attachments(entry.getAttachments()))")
  HistoryEntry toEntry(AlertHistory entry);

  default RuleDefinition rule(Alert alert, RuleCatalogue catalogue) {
    return catalogue.get(alert.getRuleId());
  }

  default boolean overdue(Alert alert, LocalDate today) {
    return alert.getStatus().active() && alert.getDeadline().isBefore(today);
  }

  default List<Finding.Evidence> evidence(String json) {
    return JSON.readValue(json, new TypeReference<List<Finding.Evidence>>() {});
  }

  default List<AlertRequests.Attachment> attachments(String json) {
    return json == null
        ? List.of()
        : JSON.readValue(json, new TypeReference<List<AlertRequests.Attachment>>() {});
  }
}
