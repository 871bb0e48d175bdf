package cn.dangjian.member.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The member's sign-in account as the API shows it. */
@Schema(description = "登录账号 (the member's sign-in account)")
public record AccountView(
    UUID memberId,
    @Schema(description = "登录名 (username)") String username,
    @Schema(description = "Keycloak 用户ID (Keycloak user id)") String keycloakUserId,
    @Schema(description = "角色 (role)") AccountRole role,
    @Schema(description = "所在组织ID (org in the token)") UUID orgId,
    @Schema(
            description =
                "系统生成的初始密码，仅在新建账号且请求未提供初始密码时返回这一次，不保存、不能再次查询；"
                    + "首次登录时 Keycloak 强制修改密码。"
                    + " Generated initial password: returned once, only in the response that"
                    + " created the account without an initialPassword; never stored or shown"
                    + " again; Keycloak makes the member change it at the first sign-in.",
            nullable = true,
            accessMode = Schema.AccessMode.READ_ONLY)
        @Nullable String initialPassword) {}
