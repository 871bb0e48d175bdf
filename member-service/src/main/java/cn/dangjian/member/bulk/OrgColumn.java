package cn.dangjian.member.bulk;

import java.util.List;

/**
 * Columns of an organisation file, in file order. A row's parent is an existing organisation
 * (上级组织ID) or a row earlier in the same file (上级临时编号 = that row's 临时编号), so a whole subtree can be
 * imported at once.
 */
public enum OrgColumn implements BulkColumn {
  KEY("临时编号", "key", false, false, "编号"),
  PARENT_KEY("上级临时编号", "parentKey", false, false, "上级编号"),
  PARENT_ID("上级组织ID", "parentId", false, false),
  NAME("组织名称", "name", true, false, "组织全称", "名称"),
  TYPE("组织类型", "type", true, false, "类型"),
  UNIT_TYPE("单位类型", "unitType", false, false, "单位属性"),
  AFFILIATION("隶属关系", "affiliation", false, false, "单位隶属关系");

  private final Spec spec;

  OrgColumn(String label, String field, boolean required, boolean sensitive, String... aliases) {
    this.spec = new Spec(label, field, required, sensitive, List.of(aliases));
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
