package cn.dangjian.member.person;

import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.Occupation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the member API. */
public final class MemberRequests {

  /** Mainland mobile numbers. */
  static final String PHONE_PATTERN = "^1[3-9]\\d{9}$";

  /** An address the SMTP server takes: one @, a dotted domain, no spaces (empty: clear it). */
  static final String EMAIL_PATTERN = "^$|^[^@\\s]{1,64}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$";

  /** The code lists of the 党内统计 classifications, as the API documents them. */
  static final String OCCUPATION_CODES =
      "职业代码 (occupation code): WORKER 工人、FARMER_HERDER_FISHER 农牧渔民、PROFESSIONAL"
          + " 企事业单位、民办非企业单位专业技术人员、MANAGER 企事业单位、民办非企业单位管理人员、PUBLIC_SERVANT 党政机关工作人员、"
          + "STUDENT 学生、RETIRED 离退休人员、OTHER 其他职业人员、UNSPECIFIED 未填";

  static final String EDUCATION_LEVEL_CODES =
      "学历类别代码 (education level code): POSTGRADUATE 研究生、UNDERGRADUATE 大学本科、JUNIOR_COLLEGE"
          + " 大学专科、SECONDARY_VOCATIONAL 中专、HIGH_SCHOOL 高中、JUNIOR_HIGH_OR_BELOW 初中及以下、"
          + "UNSPECIFIED 未填";

  private MemberRequests() {}

  @Schema(description = "登记党员或入党申请人 (register a member or applicant)")
  public record RegisterMember(
      @Schema(description = "所在党支部ID (branch holding the relationship)") @NotNull UUID orgId,
      @Schema(description = "姓名 (name)", example = "张三") @NotBlank @Size(max = 50) String name,
      @Schema(description = "性别 (gender)") @NotNull Gender gender,
      @Schema(description = "民族 (ethnicity)", example = "汉族") @Size(max = 20) String ethnicity,
      @Schema(description = "出生日期 (birth date)", example = "1990-03-07") @NotNull @Past
          LocalDate birthDate,
      @Schema(description = "身份证号，18位 (resident ID number)", example = "11010519900307123X")
          @NotBlank
          @ValidIdNumber
          String idNumber,
      @Schema(description = "手机号 (mobile)", example = "13812345678")
          @Pattern(regexp = PHONE_PATTERN)
          String phone,
      @Schema(description = "学历 (education)", example = "本科") @Size(max = 20) String education,
      @Schema(description = "工作单位 (workplace)") @Size(max = 100) String workplace,
      @Schema(description = "发展阶段 (pipeline stage)", example = "FULL") @NotNull MemberStage stage,
      @Schema(description = "党费类别 (dues category)", example = "EMPLOYED") @NotNull
          DuesCategory duesCategory,
      @Schema(description = "入党日期：支部大会通过之日 (admitted by the branch meeting)") LocalDate joinDate,
      @Schema(description = "转正日期：党龄起算日 (end of probation)") LocalDate fullMemberDate,
      @Schema(
              description = OCCUPATION_CODES + "。不填为 UNSPECIFIED (absent: UNSPECIFIED)",
              example = "PROFESSIONAL")
          @Nullable Occupation occupation,
      @Schema(
              description =
                  EDUCATION_LEVEL_CODES
                      + "。不填则按“学历”文字归类，如“硕士”为 POSTGRADUATE"
                      + " (absent: classified from the free-text education)",
              example = "UNDERGRADUATE")
          @Nullable EducationLevel educationLevel,
      @Schema(description = "职务 (post)", example = "村党组织书记") @Size(max = 50)
          @Nullable String post) {}

  @Schema(description = "修改党员档案 (update a member's record)")
  public record UpdateMember(
      @Schema(description = "姓名") @NotBlank @Size(max = 50) String name,
      @Schema(description = "性别") @NotNull Gender gender,
      @Schema(description = "民族") @Size(max = 20) String ethnicity,
      @Schema(description = "手机号") @Pattern(regexp = PHONE_PATTERN) String phone,
      @Schema(description = "学历") @Size(max = 20) String education,
      @Schema(description = "工作单位") @Size(max = 100) String workplace,
      @Schema(description = "党费类别") @NotNull DuesCategory duesCategory,
      @Schema(
              description = OCCUPATION_CODES + "。不填则保持不变 (absent: unchanged)",
              example = "PROFESSIONAL")
          @Nullable Occupation occupation,
      @Schema(
              description =
                  EDUCATION_LEVEL_CODES
                      + "。不填时：“学历”文字有改动则按新文字归类，否则保持不变"
                      + " (absent: classified from the education text when that changed, else unchanged)",
              example = "UNDERGRADUATE")
          @Nullable EducationLevel educationLevel,
      @Schema(
              description = "职务；不填则保持不变，空字符串表示清除 (post; absent: unchanged, empty: cleared)",
              example = "科员")
          @Size(max = 50)
          @Nullable String post,
      @Schema(
              description =
                  "电子邮箱，用于通知；不填则保持不变，空字符串表示清除 (e-mail for notifications; absent: unchanged,"
                      + " empty: cleared)",
              example = "zhangsan@example.com")
          @Size(max = 254)
          @Pattern(regexp = EMAIL_PATTERN)
          @Nullable String email) {}

  @Schema(description = "党员档案，身份证号和手机号已脱敏 (member; ID number and phone masked)")
  public record MemberResponse(
      UUID id,
      @Schema(description = "所在组织ID") UUID orgId,
      @Schema(description = "姓名") String name,
      @Schema(description = "性别") Gender gender,
      @Schema(description = "民族") @Nullable String ethnicity,
      @Schema(
              description =
                  "出生日期：仅向可查看个人敏感信息的角色（书记、平台管理员）及党员本人返回，其他调用者为 null，请用 birthYear"
                      + " (birth date: only for secretaries, platform admins and the member;"
                      + " null otherwise, use birthYear)")
          @Nullable LocalDate birthDate,
      @Schema(description = "出生年份 (birth year)", example = "1990") @Nullable Integer birthYear,
      @Schema(description = "身份证号（脱敏，仅保留首尾各1位）", example = "1****************X") String idNumber,
      @Schema(description = "手机号（脱敏，保留前3位和后2位）", example = "138******78") @Nullable String phone,
      @Schema(description = "电子邮箱（脱敏，保留首字符和域名）", example = "z***@example.com")
          @Nullable String email,
      @Schema(description = "是否已绑定微信（小程序），用于订阅消息 (WeChat mini-program account bound)")
          boolean wechatBound,
      @Schema(description = "学历") @Nullable String education,
      @Schema(description = "工作单位") @Nullable String workplace,
      @Schema(description = "职务 (post)") @Nullable String post,
      @Schema(description = OCCUPATION_CODES) Occupation occupation,
      @Schema(description = "职业中文名 (occupation label)", example = "企事业单位、民办非企业单位专业技术人员")
          String occupationLabel,
      @Schema(description = EDUCATION_LEVEL_CODES) EducationLevel educationLevel,
      @Schema(description = "学历类别中文名 (education level label)", example = "大学本科")
          String educationLevelLabel,
      @Schema(description = "发展阶段") MemberStage stage,
      @Schema(description = "发展阶段中文名", example = "正式党员") String stageLabel,
      @Schema(description = "党费类别") DuesCategory duesCategory,
      @Schema(description = "入党日期") @Nullable LocalDate joinDate,
      @Schema(description = "转正日期") @Nullable LocalDate fullMemberDate,
      @Schema(description = "党龄（年），自转正之日起算 (years since 转正)") @Nullable Integer partyStandingYears,
      @Schema(description = "党籍状态 (membership status)") MemberStatus status,
      @Schema(description = "党籍状态中文名", example = "正常") String statusLabel,
      @Schema(description = "状态生效日期 (status since)") @Nullable LocalDate statusSince,
      @Schema(description = "版本号，用于 If-Match") long version,
      Instant createdAt,
      Instant updatedAt) {}

  @Schema(description = "未脱敏的个人敏感信息；每次读取均记入审计 (unmasked; every read is audited)")
  public record PersonalData(UUID memberId, String idNumber, String phone) {}

  @Schema(
      description =
          "党员的联系方式（未脱敏），仅供通知服务在发送时读取，每次读取记入审计"
              + " (contact addresses in clear, for the notification sender only; every read audited)")
  public record Contacts(
      UUID memberId,
      @Schema(description = "手机号 (mobile)") @Nullable String phone,
      @Schema(description = "电子邮箱 (e-mail)") @Nullable String email,
      @Schema(description = "小程序 openid (WeChat mini-program openid)")
          @Nullable String wechatOpenId) {}

  @Schema(description = "绑定微信：小程序 wx.login 取得的临时登录凭证 (the code of wx.login)")
  public record WechatBinding(
      @Schema(description = "wx.login 返回的 code，5分钟内有效、只能使用一次", example = "0a3XyZ000abc")
          @NotBlank
          @Size(max = 128)
          @Pattern(regexp = "^[A-Za-z0-9_-]+$")
          String code) {}

  @Schema(description = "变更党籍状态 (change membership status)")
  public record ChangeStatus(
      @Schema(description = "新状态 (new status)", example = "SUSPENDED") @NotNull MemberStatus status,
      @Schema(description = "生效日期 (effective date)", example = "2026-11-01") @NotNull
          LocalDate effectiveOn,
      @Schema(description = "停止党籍的依据，仅 SUSPENDED 需要 (basis of a suspension)")
          MemberStatusRules.SuspensionBasis basis,
      @Schema(description = "原因或决定文号 (reason / decision number)", example = "支部大会决定")
          @NotBlank
          @Size(max = 200)
          String reason) {}

  @Schema(
      description =
          "提请上级决定党籍处置：停止/恢复党籍、退党、劝退、除名、开除党籍、取消预备党员资格；以批准日期生效"
              + " (request a status change the body above decides; effective on its approval)")
  public record StatusRequest(
      @Schema(description = "新状态 (new status)", example = "STRUCK_OFF") @NotNull
          MemberStatus status,
      @Schema(description = "停止党籍的依据，仅 SUSPENDED 需要 (basis of a suspension)")
          MemberStatusRules.@Nullable SuspensionBasis basis,
      @Schema(description = "原因及支部决定 (reason and the branch's decision)", example = "支部大会决定")
          @NotBlank
          @Size(max = 200)
          String reason,
      @Schema(description = "支部大会表决；除名、劝退、开除党籍必填 (the branch meeting's vote)") @Valid
          MemberRequests.@Nullable Vote vote,
      @Schema(description = "附件：支部大会记录等ID (minutes, meeting ids)") @Size(max = 20)
          @Nullable List<UUID> attachments) {}

  @Schema(description = "设置标记 (set a flag)")
  public record SetFlag(
      @Schema(description = "标记 (flag)", example = "LOST_CONTACT") @NotNull MemberFlag flag,
      @Schema(description = "开始日期 (start)") @NotNull LocalDate startedOn,
      @Schema(description = "结束日期；限期改正默认6个月，留党察看默认1年 (end; defaults per rule)") LocalDate endsOn,
      @Schema(description = "原因 (reason)") @Size(max = 200) String reason) {}

  @Schema(description = "标记期间 (a flag period)")
  public record FlagView(
      MemberFlag flag,
      @Schema(description = "标记中文名", example = "失联") String flagLabel,
      LocalDate startedOn,
      @Nullable LocalDate endsOn,
      @Nullable String reason,
      @Nullable LocalDate clearedOn,
      boolean active) {}

  @Schema(description = "党籍状态变更记录 (status history)")
  public record StatusChangeView(
      @Nullable MemberStatus fromStatus,
      MemberStatus toStatus,
      LocalDate effectiveOn,
      @Nullable String reason,
      String changedBy,
      Instant changedAt) {}

  @Schema(description = "敏感信息访问记录 (audit of unmasked reads)")
  public record AccessRecord(String accessor, @Nullable String reason, Instant accessedAt) {}

  /**
   * A branch members' meeting's vote as entered; the base (members entitled to vote) is computed by
   * the service, never taken from the client. Used by admission and 转正 steps and by the requests
   * the 支部大会 decides before a higher body approves (除名, 劝退, 开除党籍…).
   */
  @Schema(description = "支部大会表决结果；应到会人数由系统按有表决权的正式党员计算 (vote counts)")
  public record Vote(
      @Schema(description = "经批准不计入应到会人数的人数 (excluded from the base with approval)")
          @Min(0)
          @Max(10000)
          int excludedWithApproval,
      @Schema(description = "实到会有表决权人数 (present with a vote)") @Min(0) @Max(10000) int present,
      @Schema(description = "赞成 (approve)") @Min(0) @Max(10000) int approve,
      @Schema(description = "反对 (oppose)") @Min(0) @Max(10000) int oppose,
      @Schema(description = "弃权 (abstain)") @Min(0) @Max(10000) int abstain,
      @Schema(description = "因故缺席者会前书面表示赞成的人数 (absentees' written approvals)") @Min(0) @Max(10000)
          int writtenApprovals) {}
}
