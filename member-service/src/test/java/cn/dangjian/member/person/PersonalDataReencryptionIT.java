package cn.dangjian.member.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.member.MemberServiceIntegrationTest;
import cn.dangjian.member.privacy.AesGcmPersonalDataCipher;
import cn.dangjian.member.privacy.ChineseIdNumber;
import cn.dangjian.member.privacy.PersonalDataCipher;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** Key rotation: rows under key A, current key B, re-encryption, then only key B is needed. */
class PersonalDataReencryptionIT extends MemberServiceIntegrationTest {

  @Autowired MemberRepository members;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private Member store(String prefix, PersonalDataCipher cipher, String idNumber, String phone) {
    UUID id = cn.dangjian.platform.persistence.UuidV7.next();
    Member member =
        Member.register(
            id,
            UUID.randomUUID(),
            prefix,
            new Member.Profile(
                "轮换",
                Gender.FEMALE,
                "汉族",
                LocalDate.of(1990, 1, 1),
                null,
                null,
                DuesCategory.EMPLOYED,
                null,
                null,
                null),
            new Member.SealedPersonalData(
                cipher.encrypt(idNumber, PersonalDataCipher.context(id, MemberService.ID_NUMBER)),
                cipher.lookupHash(idNumber),
                cipher.encrypt(phone, PersonalDataCipher.context(id, MemberService.PHONE)),
                cipher.lookupHash(phone)),
            MemberStage.APPLICANT,
            null,
            null,
            Instant.now());
    return members.save(member);
  }

  private static String idNumber(int i) {
    return ChineseIdNumber.withCheckDigit("3201021985010" + String.format("%04d", 1000 + i));
  }

  @Test
  void rowsUnderAnOldKeyAreReencryptedUnderTheCurrentOneAndThenNeedOnlyIt() {
    byte[] a = key();
    byte[] b = key();
    byte[] hash = key();
    String prefix = "/rotation-" + UUID.randomUUID() + "/";
    PersonalDataCipher underA = new AesGcmPersonalDataCipher(Map.of("ka", a), "ka", hash);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(store(prefix, underA, idNumber(i), "1380000000" + i).getId());
    }
    for (UUID id : ids) {
      String sealed = members.findById(id).orElseThrow().getIdNumberCipher();
      assertThat(sealed).startsWith("v2:ka:");
      assertThat(underA.decrypt(sealed, PersonalDataCipher.context(id, MemberService.ID_NUMBER)))
          .startsWith("3201021985010");
    }

    PersonalDataCipher rotated = new AesGcmPersonalDataCipher(Map.of("ka", a, "kb", b), "kb", hash);
    PersonalDataReencryption job = new PersonalDataReencryption(members, rotated, transactions, 2);
    PersonalDataReencryption.Result first = job.run(prefix, 3);
    assertThat(first.reencrypted()).isEqualTo(3);
    assertThat(first.done()).isFalse();
    PersonalDataReencryption.Result rest = job.run(prefix, 100);
    assertThat(rest.reencrypted()).isEqualTo(2);
    assertThat(rest.done()).isTrue();
    assertThat(job.run(prefix, 100).reencrypted()).as("nothing left").isZero();

    PersonalDataCipher onlyB = new AesGcmPersonalDataCipher(Map.of("kb", b), "kb", hash);
    for (int i = 0; i < ids.size(); i++) {
      Member m = members.findById(ids.get(i)).orElseThrow();
      assertThat(m.getIdNumberCipher()).startsWith("v2:kb:");
      assertThat(m.getPhoneCipher()).startsWith("v2:kb:");
      assertThat(
              onlyB.decrypt(
                  m.getIdNumberCipher(),
                  PersonalDataCipher.context(m.getId(), MemberService.ID_NUMBER)))
          .isEqualTo(idNumber(i));
      assertThat(
              onlyB.decrypt(
                  m.getPhoneCipher(), PersonalDataCipher.context(m.getId(), MemberService.PHONE)))
          .isEqualTo("1380000000" + i);
      assertThat(m.getVersion()).as("re-encryption does not invalidate ETags").isZero();
    }
  }

  @Test
  void oldFormatRowsWithoutKeyIdAreReencryptedToo() throws Exception {
    byte[] a = key();
    byte[] hash = key();
    String prefix = "/legacy-" + UUID.randomUUID() + "/";
    PersonalDataCipher underA = new AesGcmPersonalDataCipher(Map.of("ka", a), "ka", hash);
    Member m = store(prefix, underA, idNumber(50), "13900000050");
    String v1 = cn.dangjian.member.privacy.PrivacyTestSupport.legacyEncrypt(a, idNumber(50));
    jdbc.update(
        "UPDATE member SET id_number_cipher = ? WHERE id = UNHEX(REPLACE(?, '-', ''))",
        v1,
        m.getId().toString());

    PersonalDataReencryption.Result result =
        new PersonalDataReencryption(members, underA, transactions, 10).run(prefix, 100);
    assertThat(result.reencrypted()).isEqualTo(1);
    String sealed = members.findById(m.getId()).orElseThrow().getIdNumberCipher();
    assertThat(sealed).startsWith("v2:ka:");
    assertThat(
            underA.decrypt(sealed, PersonalDataCipher.context(m.getId(), MemberService.ID_NUMBER)))
        .isEqualTo(idNumber(50));
  }

  @Test
  void ciphertextCopiedIntoAnotherMembersRowIsNotRevealedAsThatMembers() {
    byte[] hash = key();
    PersonalDataCipher cipher = new AesGcmPersonalDataCipher(Map.of("ka", key()), "ka", hash);
    String prefix = "/copy-" + UUID.randomUUID() + "/";
    Member victim = store(prefix, cipher, idNumber(60), "13900000060");
    Member other = store(prefix, cipher, idNumber(61), "13900000061");
    assertThatThrownBy(
            () ->
                cipher.decrypt(
                    victim.getIdNumberCipher(),
                    PersonalDataCipher.context(other.getId(), MemberService.ID_NUMBER)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyAPlatformAdminTriggersReencryption() throws Exception {
    String secretary = KEYCLOAK.token().roles("secretary").orgId(UUID.randomUUID()).build();
    mvc.perform(
            post("/api/members/personal-data/re-encryption")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secretary))
        .andExpect(status().isForbidden());
    String admin = KEYCLOAK.token().roles("platform-admin").build();
    mvc.perform(
            post("/api/members/personal-data/re-encryption")
                .param("maxRows", "1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
        .andExpect(status().isOk());
  }
}
