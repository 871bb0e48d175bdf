package cn.dangjian.member.privacy;

import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PrivacyConfiguration {

  /** Refuses to start without keys: personal data must never be stored unencrypted. */
  @Bean
  PersonalDataCipher personalDataCipher(PrivacyProperties properties) {
    if (isBlank(properties.encryptionKey()) || isBlank(properties.hashKey())) {
      throw new IllegalStateException(
          "dangjian.privacy.encryption-key and dangjian.privacy.hash-key must be set (Base64;"
              + " e.g. DANGJIAN_PRIVACY_ENCRYPTION_KEY=$(openssl rand -base64 32))");
    }
    return new AesGcmPersonalDataCipher(
        Base64.getDecoder().decode(properties.encryptionKey()),
        Base64.getDecoder().decode(properties.hashKey()));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
