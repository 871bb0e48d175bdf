package cn.dangjian.member.account;

import cn.dangjian.member.account.AccountService.AccountView;
import cn.dangjian.member.scope.DataScopeResolver;
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
      @Schema(description = "初始密码，首次登录须修改 (initial password, must change on first login)")
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
      summary = "创建或关联登录账号并授予角色 (create or link the account and grant a role)",
      description =
          "在 Keycloak 中创建或关联用户，写入 org_id、member_id 属性并授予 member/secretary/party-worker 角色；"
              + "组织关系转接接收后 org_id 自动更新。Keeps org_id in tokens following the register.")
  AccountView link(@PathVariable UUID id, @Valid @RequestBody LinkAccount request) {
    return service.link(
        id,
        request.username(),
        request.role(),
        request.initialPassword(),
        scopes.resolve(caller.get()));
  }

  @GetMapping("/api/members/{id}/account")
  @Operation(summary = "查询登录账号 (the member's account)")
  AccountView get(@PathVariable UUID id) {
    return service.get(id, scopes.resolve(caller.get()));
  }
}
