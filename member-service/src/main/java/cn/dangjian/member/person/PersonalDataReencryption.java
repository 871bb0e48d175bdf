package cn.dangjian.member.person;

import cn.dangjian.member.privacy.PersonalDataCipher;
import cn.dangjian.member.privacy.PrivacyProperties;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts personal data not sealed under the current key (an older key id, or the old format
 * without key id and AAD), batch by batch, each batch in its own transaction. After a key rotation
 * it runs until {@link Result#done()}; then the old key can leave the configuration.
 */
@Service
public class PersonalDataReencryption {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataReencryption.class);

  private final MemberRepository members;
  private final PersonalDataCipher cipher;
  private final TransactionTemplate tx;
  private final int batchSize;

  @Autowired
  PersonalDataReencryption(
      MemberRepository members,
      PersonalDataCipher cipher,
      PlatformTransactionManager transactions,
      PrivacyProperties properties) {
    this(members, cipher, transactions, properties.reencryptionBatchSize());
  }

  PersonalDataReencryption(
      MemberRepository members,
      PersonalDataCipher cipher,
      PlatformTransactionManager transactions,
      int batchSize) {
    this.members = members;
    this.cipher = cipher;
    this.tx = new TransactionTemplate(transactions);
    this.batchSize = Math.max(1, batchSize);
  }

  /**
   * @param keyId the current key id every row now carries (or will, once done)
   * @param reencrypted rows re-sealed in this run
   * @param failed rows no configured key opens (logged by id; they stay as they are)
   * @param done no stale row is left in the range (false: the row budget ran out, call again)
   */
  public record Result(String keyId, long reencrypted, long failed, boolean done) {}

  /**
   * @param pathPrefix only members of this subtree, or null for all
   * @param maxRows stop after this many rows (keeps one call short); the next call continues
   */
  public Result run(String pathPrefix, int maxRows) {
    String current = "v2:" + cipher.currentKeyId() + ":%";
    UUID after = new UUID(0L, 0L);
    long done = 0;
    long failed = 0;
    while (done + failed < maxRows) {
      int size = (int) Math.min(batchSize, maxRows - done - failed);
      UUID from = after;
      long[] counts = new long[2];
      List<Member> batch =
          tx.execute(
              status -> {
                List<Member> rows =
                    members.staleCiphertexts(from, pathPrefix, current, PageRequest.ofSize(size));
                for (Member m : rows) {
                  if (reseal(m)) {
                    counts[0]++;
                  } else {
                    counts[1]++;
                  }
                }
                return rows;
              });
      done += counts[0];
      failed += counts[1];
      if (batch.size() < size) {
        return new Result(cipher.currentKeyId(), done, failed, true);
      }
      after = batch.get(batch.size() - 1).getId();
    }
    return new Result(cipher.currentKeyId(), done, failed, false);
  }

  private boolean reseal(Member m) {
    String idContext = PersonalDataCipher.context(m.getId(), MemberService.ID_NUMBER);
    String phoneContext = PersonalDataCipher.context(m.getId(), MemberService.PHONE);
    try {
      String idNumber = cipher.decrypt(m.getIdNumberCipher(), idContext);
      String phone =
          m.getPhoneCipher() == null ? null : cipher.decrypt(m.getPhoneCipher(), phoneContext);
      // every value decrypted before anything is written: a row either moves whole or not at all
      String email = reseal(m.getEmailCipher(), m.getId(), MemberService.EMAIL);
      String openid = reseal(m.getWechatOpenidCipher(), m.getId(), MemberService.WECHAT_OPENID);
      members.reseal(
          m.getId(),
          m.getIdNumberCipher(),
          m.getPhoneCipher(),
          cipher.encrypt(idNumber, idContext),
          phone == null ? null : cipher.encrypt(phone, phoneContext));
      if (m.getEmailCipher() != null || m.getWechatOpenidCipher() != null) {
        members.resealContacts(
            m.getId(), m.getEmailCipher(), m.getWechatOpenidCipher(), email, openid);
      }
      return true;
    } catch (IllegalStateException | IllegalArgumentException e) {
      log.error("member {}: personal data does not decrypt with any configured key", m.getId());
      return false;
    }
  }

  private String reseal(String sealed, UUID memberId, String column) {
    if (sealed == null) {
      return null;
    }
    String context = PersonalDataCipher.context(memberId, column);
    return cipher.encrypt(cipher.decrypt(sealed, context), context);
  }
}
