package cn.dangjian.member.privacy;

import cn.dangjian.platform.crypto.KeyRingCipher;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PrivacyConfiguration {

  /** Refuses to start without keys: personal data must never be stored unencrypted. */
  @Bean
  PersonalDataCipher personalDataCipher(PrivacyProperties properties) {
    if (properties.hashKey() == null || properties.hashKey().isBlank()) {
      throw new IllegalStateException(
          "dangjian.privacy.hash-key must be set (Base64; e.g."
              + " DANGJIAN_PRIVACY_HASH_KEY=$(openssl rand -base64 32))");
    }
    KeyRingCipher keys =
        KeyRingCipher.fromBase64(
            properties.encryptionKeys(),
            properties.encryptionKey(),
            properties.currentKeyId(),
            "dangjian.privacy.encryption-key / dangjian.privacy.encryption-keys.<kid>");
    return new AesGcmPersonalDataCipher(
        keys, Base64.getDecoder().decode(properties.hashKey().strip()));
  }
}
