package cn.dangjian.gateway.routing;

import java.util.List;
import java.util.Optional;

/**
 * Which service owns which public path. Kept in code rather than configuration because the path
 * ownership is part of the platform's contract (ARCHITECTURE.md), whereas the addresses vary per
 * environment and come from {@link ServiceTargets}.
 */
public final class ServiceCatalog {

  public static final List<DownstreamService> SERVICES =
      List.of(
          new DownstreamService(
              "member-service",
              List.of("/api/orgs/**", "/api/members/**", "/api/approvals/**", "/api/statistics/**"),
              "成员服务",
              "member service"),
          new DownstreamService("dues-service", List.of("/api/dues/**"), "党费服务", "dues service"),
          new DownstreamService(
              "org-life-service",
              List.of("/api/org-life/**"),
              "组织生活服务",
              "organisational life service"),
          new DownstreamService(
              "assessment-service", List.of("/api/assessments/**"), "考核评价服务", "assessment service"),
          new DownstreamService(
              "alert-service",
              List.of("/api/alerts/**", "/api/notifications/**"),
              "预警与通知服务",
              "alert and notification service"));

  private ServiceCatalog() {}

  public static Optional<DownstreamService> find(String id) {
    return SERVICES.stream().filter(service -> service.id().equals(id)).findFirst();
  }
}
