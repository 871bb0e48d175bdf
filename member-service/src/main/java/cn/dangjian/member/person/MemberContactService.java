package cn.dangjian.member.person;

import cn.dangjian.member.person.MemberRequests.Contacts;
import cn.dangjian.member.privacy.PersonalDataAccess;
import cn.dangjian.member.privacy.PersonalDataAccessRepository;
import cn.dangjian.member.privacy.PersonalDataCipher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Caller;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's contact addresses: read in clear only by the notification sender at the moment it
 * sends (each read audited like the reveal of an ID number), and the WeChat binding a member makes
 * from the mini-program.
 */
@Service
class MemberContactService {

  private final MemberRepository members;
  private final MemberService memberService;
  private final PersonalDataCipher cipher;
  private final PersonalDataAccessRepository accessLog;
  private final Clock clock;

  MemberContactService(
      MemberRepository members,
      MemberService memberService,
      PersonalDataCipher cipher,
      PersonalDataAccessRepository accessLog,
      Clock clock) {
    this.members = members;
    this.memberService = memberService;
    this.cipher = cipher;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  /**
   * The notification sender works for every branch (its token has no org): the member is looked up
   * by id alone. With a channel, only that channel's address is returned.
   */
  @Transactional
  public Contacts read(UUID id, @Nullable ContactChannel channel, Caller caller, String reason) {
    Member member =
        members.findById(id).orElseThrow(() -> ProblemException.notFound("member.not-found", id));
    accessLog.save(
        new PersonalDataAccess(
            member.getId(),
            caller.username(),
            caller.orgId().orElse(null),
            "联系方式" + (channel == null ? "" : "(" + channel + ")") + "：" + reason,
            clock.instant()));
    return new Contacts(
        member.getId(),
        channel == null || channel == ContactChannel.SMS ? memberService.phone(member) : null,
        channel == null || channel == ContactChannel.EMAIL ? memberService.email(member) : null,
        channel == null || channel == ContactChannel.WECHAT ? openid(member) : null);
  }

  /** Binds the caller's own record to the WeChat account the openid names. */
  @Transactional
  public void bindWechat(UUID memberId, String openid) {
    Member member =
        members
            .findById(memberId)
            .orElseThrow(() -> ProblemException.notFound("member.not-found", memberId));
    member.bindWechat(
        cipher.encrypt(openid, PersonalDataCipher.context(memberId, MemberService.WECHAT_OPENID)),
        clock.instant());
  }

  private @Nullable String openid(Member member) {
    return member.getWechatOpenidCipher() == null
        ? null
        : cipher.decrypt(
            member.getWechatOpenidCipher(),
            PersonalDataCipher.context(member.getId(), MemberService.WECHAT_OPENID));
  }
}
