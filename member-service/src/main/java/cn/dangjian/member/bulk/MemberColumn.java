package cn.dangjian.member.bulk;

import java.util.List;

/** Columns of the member roster (党员名册), in file order; each fills one RegisterMember field. */
public enum MemberColumn implements BulkColumn {
  ORG_ID("所在组织ID", "orgId", true, false, "组织ID", "所在党支部ID"),
  NAME("姓名", "name", true, false),
  GENDER("性别", "gender", true, false),
  ETHNICITY("民族", "ethnicity", false, false),
  BIRTH_DATE("出生日期", "birthDate", true, false),
  ID_NUMBER("身份证号", "idNumber", true, true, "身份证号码", "公民身份号码"),
  PHONE("手机号", "phone", false, true, "手机号码", "手机"),
  EDUCATION("学历", "education", false, false),
  EDUCATION_LEVEL("学历类别", "educationLevel", false, false, "学历层次"),
  WORKPLACE("工作单位", "workplace", false, false),
  POST("职务", "post", false, false, "现任职务"),
  OCCUPATION("职业", "occupation", false, false, "职业类别"),
  STAGE("发展阶段", "stage", true, false),
  DUES_CATEGORY("党费类别", "duesCategory", true, false, "缴费类别"),
  JOIN_DATE("入党日期", "joinDate", false, false, "入党时间"),
  FULL_MEMBER_DATE("转正日期", "fullMemberDate", false, false, "转正时间");

  private final Spec spec;

  MemberColumn(String label, String field, boolean required, boolean sensitive, String... aliases) {
    this.spec = new Spec(label, field, required, sensitive, List.of(aliases));
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
