package cn.dangjian.member.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PrivacyConfiguration {

  /** The key id the single {@code dangjian.privacy.encryption-key} is known by. */
  static final String DEFAULT_KEY_ID = "default";

  /** Refuses to start without keys: personal data must never be stored unencrypted. */
  @Bean
  PersonalDataCipher personalDataCipher(PrivacyProperties properties) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    properties.encryptionKeys().forEach((kid, key) -> keys.put(kid, decode(key)));
    if (!isBlank(properties.encryptionKey())) {
      keys.putIfAbsent(DEFAULT_KEY_ID, decode(properties.encryptionKey()));
    }
    if (keys.isEmpty() || isBlank(properties.hashKey())) {
      throw new IllegalStateException(
          "dangjian.privacy.encryption-key (or dangjian.privacy.encryption-keys.<kid>) and"
              + " dangjian.privacy.hash-key must be set (Base64; e.g."
              + " DANGJIAN_PRIVACY_ENCRYPTION_KEY=$(openssl rand -base64 32))");
    }
    String current = properties.currentKeyId();
    if (isBlank(current)) {
      if (keys.size() == 1) {
        current = keys.keySet().iterator().next();
      } else if (keys.containsKey(DEFAULT_KEY_ID) && properties.encryptionKeys().isEmpty()) {
        current = DEFAULT_KEY_ID;
      } else {
        throw new IllegalStateException(
            "several encryption keys are configured: set dangjian.privacy.current-key-id");
      }
    }
    return new AesGcmPersonalDataCipher(keys, current, decode(properties.hashKey()));
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64.strip());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
