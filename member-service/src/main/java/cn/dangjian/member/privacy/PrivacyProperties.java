package cn.dangjian.member.privacy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for personal data, Base64, and the limits on reads that can confirm an ID number. Keys are
 * supplied by the environment (devstack generates them per run); never committed.
 *
 * @param encryptionKey 32 bytes, AES-256-GCM: the single-key configuration, used as key id {@code
 *     default} (kept so that existing deployments work unchanged)
 * @param hashKey at least 32 bytes, HMAC-SHA256 for exact-match lookup columns
 * @param encryptionKeys key ring, key id ({@code [a-z0-9-]{1,32}}) → 32-byte Base64 key; old keys
 *     stay here until every row is re-encrypted
 * @param currentKeyId the key id new values are sealed with; may be omitted when there is only one
 *     key
 * @param idSearchPerMinute exact ID-number searches per caller per minute
 * @param dryRunImportsPerMinute dry-run member imports per caller per minute
 * @param reencryptionBatchSize rows per transaction when re-encrypting under the current key
 */
@ConfigurationProperties("dangjian.privacy")
public record PrivacyProperties(
    String encryptionKey,
    String hashKey,
    Map<String, String> encryptionKeys,
    String currentKeyId,
    @DefaultValue("30") int idSearchPerMinute,
    @DefaultValue("30") int dryRunImportsPerMinute,
    @DefaultValue("200") int reencryptionBatchSize) {

  public PrivacyProperties {
    encryptionKeys = encryptionKeys == null ? Map.of() : Map.copyOf(encryptionKeys);
  }
}
