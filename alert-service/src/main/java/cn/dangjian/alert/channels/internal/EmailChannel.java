package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP (Spring Boot's {@code spring.mail.*}): subject = title, a plain-text body ending
 * with the unsubscribe link, and the one-click {@code List-Unsubscribe} headers (RFC 2369, RFC
 * 8058) mail clients show as "unsubscribe".
 */
class EmailChannel {

  private final @Nullable JavaMailSender mail;
  private final String from;

  EmailChannel(@Nullable JavaMailSender mail, ChannelProperties.Email properties) {
    this.mail = mail;
    this.from = properties.from();
  }

  boolean configured() {
    return mail != null;
  }

  SendResult send(OutboundMessage message, String address) {
    try {
      MimeMessage mime = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(address);
      helper.setSubject(message.title());
      StringBuilder text = new StringBuilder(message.body());
      if (message.link() != null) {
        text.append("\n\n查看详情：").append(message.link());
      }
      text.append("\n\n--\n不想再收到此类邮件？退订：").append(message.unsubscribeUrl()).append('\n');
      helper.setText(text.toString(), false);
      mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
      mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      // the delivery id, so a bounce can be traced to its delivery without the address
      mime.setHeader("X-Dangjian-Delivery", message.deliveryId().toString());
      mail.send(mime);
      return SendResult.sent("250");
    } catch (MessagingException e) {
      return SendResult.failed(null, "邮件无法生成 (" + e.getClass().getSimpleName() + ")");
    } catch (MailAuthenticationException e) {
      return SendResult.retry("535", "SMTP 认证失败 (authentication failed)");
    } catch (MailException e) {
      return outcome(e);
    }
  }

  /** The SMTP reply in the exception's causes: 4xx is transient, 5xx permanent, none a network. */
  static SendResult outcome(Throwable failure) {
    Integer reply = replyCode(failure, 0);
    if (reply == null) {
      return SendResult.retry(null, "SMTP 服务器不可达 (no SMTP answer)");
    }
    String code = reply.toString();
    if (reply >= 500) {
      return SendResult.failed(code, "SMTP 永久拒绝 (permanent SMTP failure " + code + ")");
    }
    return SendResult.retry(code, "SMTP 暂时拒绝 (transient SMTP failure " + code + ")");
  }

  private static @Nullable Integer replyCode(@Nullable Throwable t, int depth) {
    if (t == null || depth > 8) {
      return null;
    }
    Integer own = returnCode(t);
    if (own != null) {
      return own;
    }
    if (t instanceof org.springframework.mail.MailSendException) {
      for (Exception e :
          ((org.springframework.mail.MailSendException) t).getFailedMessages().values()) {
        Integer code = replyCode(e, depth + 1);
        if (code != null) {
          return code;
        }
      }
    }
    if (t instanceof MessagingException) {
      Integer next = replyCode(((MessagingException) t).getNextException(), depth + 1);
      if (next != null) {
        return next;
      }
    }
    return replyCode(t.getCause(), depth + 1);
  }

  /**
   * The reply code Angus Mail's SMTP exceptions carry ({@code SMTPSendFailedException}, {@code
   * SMTPAddressFailedException}, {@code SMTPSenderFailedException}: {@code getReturnCode()}). Asked
   * by name: the implementation is a runtime dependency, the API (Jakarta Mail) has no such method.
   */
  private static @Nullable Integer returnCode(Throwable t) {
    if (!t.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
      return null;
    }
    try {
      Object code = t.getClass().getMethod("getReturnCode").invoke(t);
      return code instanceof Integer && (Integer) code > 0 ? (Integer) code : null;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
