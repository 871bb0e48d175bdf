package cn.dangjian.alert.push;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tickets for browsers, whose EventSource cannot send the Authorization header. */
@RestController
@RequestMapping("/api/alerts/stream-tickets")
@Tag(name = "预警 alerts")
@PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
public class StreamTicketController {

  private final StreamTickets tickets;

  StreamTicketController(StreamTickets tickets) {
    this.tickets = tickets;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "createStreamTicket",
      summary = "换取推送流票据 (buy a single-use stream ticket)",
      description =
          "浏览器的 EventSource 不能带 Authorization 请求头：以令牌换取一次性票据，30 秒内以 GET"
              + " /api/alerts/stream?ticket= 打开推送流。票据代表本令牌的用户、角色和管辖范围，流在本令牌到期时关闭。"
              + " Idempotency-Key 对本接口无效：重试会得到新票据（票据从不明文保存）。"
              + " (EventSource cannot send Authorization: buy a single-use ticket valid for 30 s and"
              + " open the stream with ?ticket=. It stands for this token's user, roles and scope;"
              + " the stream closes when this token expires. A retry buys a new ticket.)")
  public StreamTicketView create(@AuthenticationPrincipal Jwt token) {
    StreamTickets.Issued issued = tickets.issue(token);
    return new StreamTicketView(
        issued.ticket(),
        issued.expiresAt(),
        StreamTicketFilter.PATH + "?ticket=" + issued.ticket());
  }
}
