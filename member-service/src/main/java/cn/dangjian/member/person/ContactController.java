package cn.dangjian.member.person;

import cn.dangjian.member.person.MemberRequests.Contacts;
import cn.dangjian.member.person.MemberRequests.WechatBinding;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members")
@Tag(name = "党员 Members", description = "党员与入党申请人档案 (member records)")
@Validated
class ContactController {

  private final MemberContactService contacts;
  private final WechatLogin wechat;
  private final CurrentCaller caller;

  ContactController(MemberContactService contacts, WechatLogin wechat, CurrentCaller caller) {
    this.contacts = contacts;
    this.wechat = wechat;
    this.caller = caller;
  }

  @GetMapping("/{id}/contacts")
  @PreAuthorize("hasRole('notification-sender')")
  @Operation(
      operationId = "readMemberContacts",
      summary = "读取党员联系方式用于发送通知 (read a member's contacts to send a notification)",
      description =
          "仅限通知服务的服务账号（角色 notification-sender），在发送的那一刻读取，不保存；"
              + "每次读取写入敏感信息访问记录。其他调用者一律 403。"
              + " Only for the notification service's account, at send time; every read is audited;"
              + " 403 for anyone else.")
  Contacts contacts(
      @PathVariable UUID id,
      @Parameter(description = "只返回该渠道所需的地址 (only the address this channel needs)")
          @RequestParam(required = false)
          ContactChannel channel,
      @Parameter(description = "读取原因，记入审计 (reason, audited)", example = "通知投递 0196f3a2")
          @RequestParam
          @NotBlank
          @Size(max = 150)
          String reason) {
    return contacts.read(id, channel, caller.get(), reason.strip());
  }

  @PostMapping("/me/wechat-binding")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("isAuthenticated()")
  @Operation(
      operationId = "bindMyWechat",
      summary = "绑定本人微信（小程序登录凭证） (bind my WeChat account)",
      description =
          "小程序调用 wx.login 后把 code 发来，服务端向微信换取 openid 并加密保存，用于订阅消息通知。"
              + "code 无效或已使用返回 400，微信限流返回 429，微信繁忙或未配置返回 503。"
              + " Exchanges the wx.login code for the openid (code2Session) and keeps it encrypted.")
  @ApiResponse(responseCode = "204", description = "已绑定 (bound)")
  @ApiResponse(
      responseCode = "503",
      description = "微信暂时不可用或未配置小程序 (WeChat unavailable or not configured)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  ResponseEntity<Void> bindWechat(@Valid @RequestBody WechatBinding request) {
    Caller current = caller.get();
    UUID memberId =
        current
            .memberId()
            .orElseThrow(() -> ProblemException.forbidden("member.wechat-not-a-member"));
    // WeChat first, outside the transaction: its answer decides whether anything is written
    String openid = wechat.openid(request.code());
    contacts.bindWechat(memberId, openid);
    return ResponseEntity.noContent().build();
  }
}
