package cn.dangjian.member.person;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.MemberClassified;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberUpdated;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.person.MemberRequests.PersonalData;
import cn.dangjian.member.person.MemberRequests.RegisterMember;
import cn.dangjian.member.person.MemberRequests.UpdateMember;
import cn.dangjian.member.privacy.CallerRateLimits;
import cn.dangjian.member.privacy.ChineseIdNumber;
import cn.dangjian.member.privacy.PersonalDataAccess;
import cn.dangjian.member.privacy.PersonalDataAccessRepository;
import cn.dangjian.member.privacy.PersonalDataCipher;
import cn.dangjian.member.privacy.PersonalDataPolicy;
import cn.dangjian.member.privacy.PrivacyAudit;
import cn.dangjian.member.privacy.PrivacyAuditLog;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, updates and reads members within the caller's data scope. */
@Service
public class MemberService {

  /** Calendar rules run on Beijing time. */

  /** Column names the personal data is sealed to (the AAD context with the member id). */
  static final String ID_NUMBER = "id_number";

  static final String PHONE = "phone";

  static final String EMAIL = "email";

  static final String WECHAT_OPENID = "wechat_openid";

  private final MemberRepository members;
  private final OrgService orgs;
  private final PersonalDataCipher cipher;
  private final PersonalDataAccessRepository accessLog;
  private final DomainEventPublisher events;
  private final cn.dangjian.member.structure.OrgStructureService structure;
  private final CallerRateLimits limits;
  private final PrivacyAuditLog privacyAudit;
  private final Clock clock;

  MemberService(
      MemberRepository members,
      OrgService orgs,
      PersonalDataCipher cipher,
      PersonalDataAccessRepository accessLog,
      DomainEventPublisher events,
      cn.dangjian.member.structure.OrgStructureService structure,
      CallerRateLimits limits,
      PrivacyAuditLog privacyAudit,
      Clock clock) {
    this.structure = structure;
    this.limits = limits;
    this.privacyAudit = privacyAudit;
    this.members = members;
    this.orgs = orgs;
    this.cipher = cipher;
    this.accessLog = accessLog;
    this.events = events;
    this.clock = clock;
  }

  public LocalDate today() {
    return PartyCalendar.today(clock);
  }

  @Transactional
  public Member register(RegisterMember request, DataScope scope) {
    Org org = orgs.get(request.orgId(), scope);
    String idNumber = ChineseIdNumber.normalize(request.idNumber());
    MemberRegistrationRules.check(
        new MemberRegistrationRules.Registration(
            org.getOrgType(),
            idNumber,
            request.birthDate(),
            request.stage(),
            request.joinDate(),
            request.fullMemberDate()),
        today());
    String idHash = cipher.lookupHash(idNumber);
    List<Member> earlier = members.findByIdNumberHash(idHash);
    if (!earlier.isEmpty()
        && !MemberRegistrationRules.mayRegisterAgain(
            earlier.stream()
                .map(
                    m ->
                        new MemberRegistrationRules.EarlierRecord(
                            m.getStatus(), m.getStatusSince()))
                .toList(),
            request.stage(),
            today())) {
      // Says only "already registered": never where or as whom (no cross-branch oracle).
      throw ProblemException.conflict("member.duplicate-id-number");
    }
    UUID id = UuidV7.next();
    Member member =
        Member.register(
            id,
            org.getId(),
            org.getPath(),
            new Member.Profile(
                request.name().strip(),
                request.gender(),
                request.ethnicity(),
                request.birthDate(),
                request.education(),
                request.workplace(),
                request.duesCategory(),
                ClassificationRules.registeredLevel(request.educationLevel(), request.education()),
                ClassificationRules.occupation(request.occupation(), null),
                ClassificationRules.post(request.post(), null)),
            new Member.SealedPersonalData(
                cipher.encrypt(idNumber, PersonalDataCipher.context(id, ID_NUMBER)),
                idHash,
                request.phone() == null
                    ? null
                    : cipher.encrypt(request.phone(), PersonalDataCipher.context(id, PHONE)),
                request.phone() == null ? null : cipher.lookupHash(request.phone())),
            request.stage(),
            request.joinDate(),
            request.fullMemberDate(),
            clock.instant());
    // A re-entry after the bar: a new record, unique with the person's next sequence number.
    earlier.stream()
        .mapToInt(Member::getRegistrationSeq)
        .max()
        .ifPresent(last -> member.registeredAgain(last + 1));
    members.save(member);
    events.publish(
        EventTypes.MEMBER_REGISTERED,
        member.getId().toString(),
        member.getOrgPath(),
        new MemberRegistered(
            member.getId(),
            member.getOrgId(),
            member.getStage().name(),
            member.getDuesCategory().name(),
            member.getJoinDate(),
            member.getFullMemberDate()));
    publishClassified(member);
    structure.recheck(member.getOrgId());
    return member;
  }

  @Transactional
  public Member update(UUID id, UpdateMember request, long expectedVersion, DataScope scope) {
    Member member = visible(id, scope);
    if (member.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    Member.Profile before = member.profile();
    Member.Profile after =
        new Member.Profile(
            request.name().strip(),
            request.gender(),
            request.ethnicity(),
            before.birthDate(),
            request.education(),
            request.workplace(),
            request.duesCategory(),
            ClassificationRules.updatedLevel(
                request.educationLevel(),
                request.education(),
                before.education(),
                before.educationLevel()),
            ClassificationRules.occupation(request.occupation(), before.occupation()),
            ClassificationRules.post(request.post(), before.post()));
    List<String> changed = changedFields(before, after);
    String phoneHash = request.phone() == null ? null : cipher.lookupHash(request.phone());
    if (!Objects.equals(phoneHash, member.getPhoneHash())) {
      member.changePhone(
          request.phone() == null
              ? null
              : cipher.encrypt(request.phone(), PersonalDataCipher.context(member.getId(), PHONE)),
          phoneHash);
      changed.add("phone");
    }
    if (request.email() != null && !request.email().equals(email(member))) {
      member.changeEmail(
          request.email().isEmpty()
              ? null
              : cipher.encrypt(request.email(), PersonalDataCipher.context(member.getId(), EMAIL)));
      changed.add("email");
    }
    if (changed.isEmpty()) {
      return member;
    }
    member.apply(after);
    member.touch(clock.instant());
    events.publish(
        EventTypes.MEMBER_UPDATED,
        member.getId().toString(),
        member.getOrgPath(),
        new MemberUpdated(
            member.getId(),
            member.getOrgId(),
            List.copyOf(changed),
            member.getDuesCategory().name(),
            member.getStage().name()));
    if (ClassificationRules.changesClassification(before, after)) {
      publishClassified(member);
    }
    return member;
  }

  /**
   * {@code member.classified}: the record's classifications as they are now, in the caller's
   * transaction (outbox). Also what the go-live republication sends for every member.
   */
  void publishClassified(Member member) {
    events.publish(
        EventTypes.MEMBER_CLASSIFIED,
        member.getId().toString(),
        member.getOrgPath(),
        new MemberClassified(
            member.getId(),
            member.getOrgId(),
            member.getGender().name(),
            member.getEthnicity(),
            ClassificationRules.birthMonth(member.getBirthDate()),
            member.getEducationLevel().name(),
            member.getOccupation().name()));
  }

  @Transactional(readOnly = true)
  public Member get(UUID id, DataScope scope) {
    return visible(id, scope);
  }

  /**
   * The member list. An exact ID-number filter confirms whether a guessed number is a member here,
   * so it is limited to callers who may see personal data, rate-limited per caller and audited (the
   * number only as its keyed hash).
   */
  public Page<Member> search(
      Caller caller,
      DataScope scope,
      UUID orgId,
      MemberStage stage,
      MemberStatus status,
      DuesCategory category,
      String namePrefix,
      String idNumber,
      Pageable pageable) {
    if (idNumber == null || idNumber.isBlank()) {
      return search(scope, orgId, stage, status, category, namePrefix, null, pageable);
    }
    if (!PersonalDataPolicy.mayUnmask(caller)) {
      throw ProblemException.forbidden("member.id-search-forbidden");
    }
    limits.acquire(CallerRateLimits.Purpose.ID_NUMBER_SEARCH, caller);
    Page<Member> page =
        search(scope, orgId, stage, status, category, namePrefix, idNumber, pageable);
    privacyAudit.record(
        PrivacyAudit.Kind.ID_NUMBER_SEARCH,
        caller,
        scope,
        "idNumberHash=" + cipher.lookupHash(ChineseIdNumber.normalize(idNumber)),
        page.getTotalElements(),
        false);
    return page;
  }

  @Transactional(readOnly = true)
  public Page<Member> search(
      DataScope scope,
      UUID orgId,
      MemberStage stage,
      MemberStatus status,
      DuesCategory category,
      String namePrefix,
      String idNumber,
      Pageable pageable) {
    if (scope.kind() == DataScope.Kind.NOTHING) {
      return Page.empty(pageable);
    }
    String prefix = scope.pathFilter().orElse(null);
    if (orgId != null) {
      prefix = orgs.get(orgId, scope).getPath();
    }
    String idHash =
        idNumber == null || idNumber.isBlank()
            ? null
            : cipher.lookupHash(ChineseIdNumber.normalize(idNumber));
    return members.findAll(
        MemberSearch.of(
            prefix,
            scope.selfMemberId(),
            stage,
            status,
            category,
            cn.dangjian.member.org.LikeEscaper.prefix(namePrefix),
            idHash),
        pageable);
  }

  /** Decrypts for an authorised caller and writes the audit record in the same transaction. */
  @Transactional
  public PersonalData revealPersonalData(UUID id, DataScope scope, Caller caller, String reason) {
    Member member = visible(id, scope);
    accessLog.save(
        new PersonalDataAccess(
            member.getId(),
            caller.username(),
            caller.orgId().orElse(null),
            reason,
            clock.instant()));
    return new PersonalData(member.getId(), idNumber(member), phone(member));
  }

  @Transactional(readOnly = true)
  public List<PersonalDataAccess> accessLog(UUID id, DataScope scope) {
    visible(id, scope);
    return accessLog.findByMemberIdOrderByAccessedAtDesc(id);
  }

  public String maskedIdNumber(Member member) {
    return cn.dangjian.member.privacy.Masking.idNumber(idNumber(member));
  }

  public String maskedPhone(Member member) {
    return cn.dangjian.member.privacy.Masking.phone(phone(member));
  }

  public String maskedEmail(Member member) {
    return cn.dangjian.member.privacy.Masking.email(email(member));
  }

  String email(Member member) {
    return member.getEmailCipher() == null
        ? null
        : cipher.decrypt(
            member.getEmailCipher(), PersonalDataCipher.context(member.getId(), EMAIL));
  }

  private String idNumber(Member member) {
    return cipher.decrypt(
        member.getIdNumberCipher(), PersonalDataCipher.context(member.getId(), ID_NUMBER));
  }

  String phone(Member member) {
    return member.getPhoneCipher() == null
        ? null
        : cipher.decrypt(
            member.getPhoneCipher(), PersonalDataCipher.context(member.getId(), PHONE));
  }

  /** Another branch's member by id answers 404, exactly like a missing one (no BOLA). */
  Member visible(UUID id, DataScope scope) {
    return members
        .findById(id)
        .filter(
            m ->
                scope.coversPath(m.getOrgPath())
                    || (scope.kind() == DataScope.Kind.SELF
                        && m.getId().equals(scope.selfMemberId())))
        .orElseThrow(() -> ProblemException.notFound("member.not-found", id));
  }

  private static List<String> changedFields(Member.Profile before, Member.Profile after) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(before.name(), after.name())) {
      changed.add("name");
    }
    if (before.gender() != after.gender()) {
      changed.add("gender");
    }
    if (!Objects.equals(before.ethnicity(), after.ethnicity())) {
      changed.add("ethnicity");
    }
    if (!Objects.equals(before.education(), after.education())) {
      changed.add("education");
    }
    if (!Objects.equals(before.workplace(), after.workplace())) {
      changed.add("workplace");
    }
    if (before.duesCategory() != after.duesCategory()) {
      changed.add("duesCategory");
    }
    if (before.educationLevel() != after.educationLevel()) {
      changed.add("educationLevel");
    }
    if (before.occupation() != after.occupation()) {
      changed.add("occupation");
    }
    if (!Objects.equals(before.post(), after.post())) {
      changed.add("post");
    }
    return changed;
  }
}
