package cn.dangjian.member.account;

import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账号 Accounts", description = "党员的登录账号（Keycloak），数据范围随组织关系变化 (sign-in accounts)")
class AccountController {

  @Schema(description = "创建或关联登录账号 (create or link the member's Keycloak user)")
  record LinkAccount(
      @Schema(description = "登录名 (username)", example = "zhangsan")
          @NotNull
          @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,49}")
          String username,
      @Schema(description = "角色 (role)", example = "SECRETARY") @NotNull AccountRole role,
      @Schema(
              description =
                  "初始密码，首次登录须修改；不填则由系统生成并在响应中返回一次"
                      + " (initial password, must change on first login; generated if omitted)")
          @Size(min = 8, max = 64)
          String initialPassword) {}

  private final AccountService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  AccountController(AccountService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @PutMapping("/api/members/{id}/account")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "linkMemberAccount",
      summary = "创建或关联登录账号并授予角色 (create or link the account and grant a role)",
      description =
          "为党员新建 Keycloak 用户（或修改本服务为该党员建立的用户的角色），写入 org_id、member_id 属性；"
              + "登录名已被其他用户（包括本服务以外建立的用户）占用时返回 409，绝不接管已有用户。"
              + "书记只能授予 member、party-worker，平台管理员还可授予 secretary；书记不能修改党务工作者/书记账号。"
              + "新账号的初始密码是临时密码，首次登录必须修改；未提供 initialPassword 时由系统生成，"
              + "只在本次响应的 initialPassword 字段中返回一次。每次变更都记入审计。"
              + "组织关系转接接收后 org_id 自动更新。"
              + " Creates the member's Keycloak user (or changes the role of the user this service"
              + " created for the member); a username held by any other user is 409, never adopted."
              + " Secretaries grant member/party-worker only; platform admins also secretary;"
              + " officer accounts are changed by platform admins only. The initial password is"
              + " temporary (UPDATE_PASSWORD at first sign-in); without initialPassword one is"
              + " generated and returned once in initialPassword. Every change is audited.")
  AccountView link(@PathVariable UUID id, @Valid @RequestBody LinkAccount request) {
    Caller current = caller.get();
    return service.link(
        id,
        request.username(),
        request.role(),
        request.initialPassword(),
        current,
        scopes.resolve(current));
  }

  @GetMapping("/api/members/{id}/account")
  @Operation(operationId = "getMemberAccount", summary = "查询登录账号 (the member's account)")
  AccountView get(@PathVariable UUID id) {
    return service.get(id, scopes.resolve(caller.get()));
  }
}
