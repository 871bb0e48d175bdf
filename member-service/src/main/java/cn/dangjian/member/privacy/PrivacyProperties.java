package cn.dangjian.member.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data, Base64. Supplied by the environment (devstack generates them per run);
 * never committed.
 *
 * @param encryptionKey 32 bytes, AES-256-GCM
 * @param hashKey at least 32 bytes, HMAC-SHA256 for exact-match lookup columns
 */
@ConfigurationProperties("dangjian.privacy")
public record PrivacyProperties(String encryptionKey, String hashKey) {}
