package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.ExternalChannels;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the channels; only {@link ExternalChannels} leaves the module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  ChannelProperties.Contacts.class,
  ChannelProperties.Wechat.class,
  ChannelProperties.Sms.class,
  ChannelProperties.Email.class
})
class ChannelsConfiguration {

  @Bean
  ExternalChannels externalChannels(
      ChannelProperties.Contacts contacts,
      ChannelProperties.Wechat wechat,
      ChannelProperties.Sms sms,
      ChannelProperties.Email email,
      ObjectProvider<JavaMailSender> mail,
      JsonMapper json) {
    RestClient.Builder http = http();
    return new DefaultExternalChannels(
        new MemberContacts(contacts, http),
        new WechatChannel(wechat, http, json, Clock.systemUTC()),
        new SmsChannel(sms, http, json, Clock.systemUTC()),
        new EmailChannel(mail.getIfAvailable(), email));
  }

  /** Short timeouts: a send that hangs holds a delivery worker; it is tried again later. */
  static RestClient.Builder http() {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(Duration.ofSeconds(3));
    factory.setReadTimeout(Duration.ofSeconds(10));
    return RestClient.builder().requestFactory(factory);
  }
}
