package cn.dangjian.member.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for personal data, Base64, and the limits on reads that can confirm an ID number. Keys are
 * supplied by the environment (devstack generates them per run); never committed.
 *
 * @param encryptionKey 32 bytes, AES-256-GCM
 * @param hashKey at least 32 bytes, HMAC-SHA256 for exact-match lookup columns
 * @param idSearchPerMinute exact ID-number searches per caller per minute
 * @param dryRunImportsPerMinute dry-run member imports per caller per minute
 */
@ConfigurationProperties("dangjian.privacy")
public record PrivacyProperties(
    String encryptionKey,
    String hashKey,
    @DefaultValue("30") int idSearchPerMinute,
    @DefaultValue("30") int dryRunImportsPerMinute) {}
