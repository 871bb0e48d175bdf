package cn.dangjian.member.person;

import cn.dangjian.member.org.OrgService;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "党员 Members", description = "党员与入党申请人档案 (member records)")
@Validated
class ReencryptionController {

  private final PersonalDataReencryption reencryption;
  private final OrgService orgs;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  ReencryptionController(
      PersonalDataReencryption reencryption,
      OrgService orgs,
      CurrentCaller caller,
      DataScopeResolver scopes) {
    this.reencryption = reencryption;
    this.orgs = orgs;
    this.caller = caller;
    this.scopes = scopes;
  }

  @PostMapping("/api/members/personal-data/re-encryption")
  @PreAuthorize("hasRole('platform-admin')")
  @Operation(
      operationId = "reencryptPersonalData",
      summary = "用当前密钥重新加密个人敏感信息 (re-encrypt personal data under the current key)",
      description =
          "密钥轮换后，把不是用当前密钥（dangjian.privacy.current-key-id）加密的身份证号、手机号（含旧格式）重新加密，"
              + "每次最多处理 maxRows 行；done=false 时再次调用直到 done=true，之后才能从配置中删除旧密钥。"
              + " After a key rotation, re-seals every value not under the current key id (or in the"
              + " old format) in batches, at most maxRows per call; call again until done=true,"
              + " then the old key may leave the configuration.")
  PersonalDataReencryption.Result reencrypt(
      @Parameter(description = "只处理该组织及其下级 (only this subtree)") @RequestParam(required = false)
          UUID orgId,
      @Parameter(description = "本次最多处理的行数 (row budget of this call)")
          @RequestParam(defaultValue = "10000")
          @Min(1)
          @Max(100000)
          int maxRows) {
    String prefix = orgId == null ? null : orgs.get(orgId, scopes.resolve(caller.get())).getPath();
    return reencryption.run(prefix, maxRows);
  }
}
