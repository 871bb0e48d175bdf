package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.SubjectType;
import java.util.UUID;

/** Whom an alert is about and the org (and path) it belongs to for data scope and assignment. */
public record Subject(SubjectType type, UUID id, UUID orgId, String orgPath) {}
