package cn.dangjian.alert.channels.internal;

import static cn.dangjian.alert.channels.internal.ChannelFixture.json;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import cn.dangjian.alert.channels.SendResult.Outcome;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMS against Tencent Cloud SMS's documented SendSms answers (signature recomputed from the
 * request), e-mail against GreenMail as a real SMTP server, and what reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmsAndEmailChannelsTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private final ChannelFixture fx = new ChannelFixture();
  private DefaultExternalChannels channels;

  /**
   * Plain unit tests get Logback's default (everything at DEBUG); the services log at INFO, as
   * Spring Boot sets it. Our own package stays at DEBUG: not even its debug lines may hold an
   * address.
   */
  @BeforeAll
  static void loggingAsDeployed() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    ((Logger) LoggerFactory.getLogger("cn.dangjian.alert.channels")).setLevel(Level.DEBUG);
    // GreenMail is the test's SMTP server, not the service: it logs the mailboxes it creates
    ((Logger) LoggerFactory.getLogger("com.icegreen")).setLevel(Level.WARN);
  }

  @BeforeEach
  void start() {
    fx.start();
    fx.wm.stubFor(
        post(urlPathEqualTo("/cgi-bin/stable_token"))
            .willReturn(json("{\"errcode\":0,\"access_token\":\"wx-token\",\"expires_in\":7200}")));
    fx.wm.stubFor(
        post(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
            .willReturn(json("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}")));
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(SMTP.getSmtp().getPort());
    channels = fx.channels("wx-appid", ChannelFixture.SMS_SECRET_ID, mail);
  }

  @AfterEach
  void stop() {
    fx.stop();
  }

  /** Tencent's SendSms answer with one number's status. */
  private void smsStatus(String code, String message) {
    fx.wm.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-TC-Action", equalTo("SendSms"))
            .willReturn(
                json(
                    "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"5000:104571066915705\","
                        + "\"PhoneNumber\":\"+86"
                        + ChannelFixture.PHONE
                        + "\",\"Fee\":1,\"SessionContext\":\"x\",\"Code\":\""
                        + code
                        + "\",\"Message\":\""
                        + message
                        + "\",\"IsoCode\":\"CN\"}],"
                        + "\"RequestId\":\"a0aabda6-cf91-4f3e-a81f-9198114a2279\"}}")));
  }

  /** Tencent's answer when the request as a whole is refused. */
  private void smsError(String code) {
    fx.wm.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-TC-Action", equalTo("SendSms"))
            .willReturn(
                json(
                    "{\"Response\":{\"Error\":{\"Code\":\""
                        + code
                        + "\",\"Message\":\"refused\"},"
                        + "\"RequestId\":\"b1b2c3d4-0000-4f3e-a81f-9198114a2279\"}}")));
  }

  @Test
  void smsSignatureIsVerifiable() throws Exception {
    smsStatus("Ok", "send success");

    assertThat(channels.send(ExternalChannel.SMS, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.SENT);

    List<LoggedRequest> sent = fx.wm.findAll(postRequestedFor(urlEqualTo("/")));
    assertThat(sent).hasSize(1);
    LoggedRequest request = sent.get(0);
    assertThat(request.getHeader("X-TC-Version")).isEqualTo("2021-01-11");
    assertThat(request.getHeader("X-TC-Region")).isEqualTo("ap-guangzhou");
    assertThat(request.getBodyAsString())
        .contains("\"PhoneNumberSet\":[\"+86" + ChannelFixture.PHONE + "\"]")
        .contains("\"SmsSdkAppId\":\"1400000001\"")
        .contains("\"SignName\":\"党建云\"")
        .contains("\"TemplateId\":\"2100001\"")
        .contains("\"TemplateParamSet\":[\"支部党员大会\",\"2026-05-06 14:30\"]");
    String authorization = request.getHeader("Authorization");
    assertThat(authorization)
        .as("signature over the headers received: %s", request.getHeaders())
        .isEqualTo(tc3(request, ChannelFixture.SMS_SECRET_KEY));
    // the check can fail: another key gives another signature
    assertThat(authorization).isNotEqualTo(tc3(request, "another-key"));
  }

  /** TC3-HMAC-SHA256 as Tencent Cloud documents it, recomputed from what arrived. */
  private static String tc3(LoggedRequest request, String secretKey) throws Exception {
    // as the API does it: signed header values lower-cased and trimmed
    String host = request.getHeader("Host").trim().toLowerCase(java.util.Locale.ROOT);
    String contentType =
        request.getHeader("Content-Type").trim().toLowerCase(java.util.Locale.ROOT);
    String timestamp = request.getHeader("X-TC-Timestamp");
    String date =
        Instant.ofEpochSecond(Long.parseLong(timestamp))
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .toString();
    String service = "sms"; // the product, as documented (not derived from the host)
    String canonical =
        "POST\n/\n\ncontent-type:"
            + contentType
            + "\nhost:"
            + host
            + "\n\ncontent-type;host\n"
            + sha256(request.getBody());
    String scope = date + "/" + service + "/tc3_request";
    String toSign =
        "TC3-HMAC-SHA256\n"
            + timestamp
            + "\n"
            + scope
            + "\n"
            + sha256(canonical.getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, service);
    key = hmac(key, "tc3_request");
    return "TC3-HMAC-SHA256 Credential="
        + ChannelFixture.SMS_SECRET_ID
        + "/"
        + scope
        + ", SignedHeaders=content-type;host, Signature="
        + HexFormat.of().formatHex(hmac(key, toSign));
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void smsRateLimitIsRetried() {
    smsStatus("LimitExceeded.PhoneNumberThirtySecondLimit", "the number is limited");
    SendResult result = channels.send(ExternalChannel.SMS, ChannelFixture.message());
    assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(result.providerCode()).isEqualTo("LimitExceeded.PhoneNumberThirtySecondLimit");
  }

  @Test
  void smsInvalidNumberAndUnapprovedTemplateAreFinal() {
    smsStatus("InvalidParameterValue.IncorrectPhoneNumber", "incorrect number");
    assertThat(channels.send(ExternalChannel.SMS, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.FAILED);
    smsStatus("FailedOperation.TemplateIncorrectOrUnapproved", "template unapproved");
    assertThat(channels.send(ExternalChannel.SMS, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void smsProviderErrorsAreRetriedAndAWrongSignatureIsFinal() {
    smsError("InternalError.Timeout");
    assertThat(channels.send(ExternalChannel.SMS, ChannelFixture.message()))
        .extracting(SendResult::outcome, SendResult::providerCode)
        .containsExactly(Outcome.RETRY, "InternalError.Timeout");
    smsError("AuthFailure.SignatureFailure");
    assertThat(channels.send(ExternalChannel.SMS, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.FAILED);
  }

  @Test
  void emailCarriesUnsubscribeLink() throws Exception {
    OutboundMessage message = ChannelFixture.message();

    SendResult result = channels.send(ExternalChannel.EMAIL, message);

    assertThat(result.outcome()).isEqualTo(Outcome.SENT);
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo(message.title());
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress())
        .isEqualTo(ChannelFixture.EMAIL);
    assertThat(mail.getHeader("List-Unsubscribe"))
        .containsExactly("<" + message.unsubscribeUrl() + ">");
    assertThat(mail.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    String text = GreenMailUtil.getBody(mail);
    assertThat(mail.getContent().toString())
        .contains(message.body())
        .contains("退订：" + message.unsubscribeUrl());
    assertThat(text).isNotBlank();
  }

  @Test
  void emailSmtpTransientRepliesAreRetriedAndPermanentOnesAreFinal() {
    MailSendException transientFailure =
        new MailSendException(
            "send failed",
            new SMTPSendFailedException(
                "DATA", 451, "451 4.3.0 try later", null, null, null, null));
    assertThat(EmailChannel.outcome(transientFailure))
        .extracting(SendResult::outcome, SendResult::providerCode)
        .containsExactly(Outcome.RETRY, "451");
    MailSendException permanent =
        new MailSendException(
            "send failed",
            new SMTPSendFailedException(
                "RCPT", 550, "550 5.1.1 no such user", null, null, null, null));
    assertThat(EmailChannel.outcome(permanent))
        .extracting(SendResult::outcome, SendResult::providerCode)
        .containsExactly(Outcome.FAILED, "550");
  }

  @Test
  void emailServerUnreachableIsRetried() {
    JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
    nowhere.setHost("127.0.0.1");
    nowhere.setPort(1); // nothing listens there
    DefaultExternalChannels unreachable = fx.channels(null, null, nowhere);
    assertThat(unreachable.send(ExternalChannel.EMAIL, ChannelFixture.message()).outcome())
        .isEqualTo(Outcome.RETRY);
  }

  @Test
  void emailIsDisabledWithoutAnSmtpServer() {
    assertThat(fx.channels(null, null, null).enabled(ExternalChannel.EMAIL)).isFalse();
    assertThat(channels.enabled(ExternalChannel.EMAIL)).isTrue();
  }

  @Test
  void addressesNeverAppearInLogs(CapturedOutput output) {
    smsStatus(
        "InvalidParameterValue.IncorrectPhoneNumber", "+86" + ChannelFixture.PHONE + " is wrong");
    for (ExternalChannel channel : ExternalChannel.values()) {
      channels.send(channel, ChannelFixture.message());
    }
    smsError("InternalError.Timeout");
    channels.send(ExternalChannel.SMS, ChannelFixture.message());

    assertThat(output.getAll())
        .contains("on WECHAT: FAILED 43101")
        .contains("on SMS: FAILED InvalidParameterValue.IncorrectPhoneNumber")
        .contains("on EMAIL: SENT")
        .doesNotContain(ChannelFixture.PHONE)
        .doesNotContain(ChannelFixture.EMAIL)
        .doesNotContain(ChannelFixture.OPENID);
  }
}
