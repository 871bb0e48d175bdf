package cn.dangjian.alert.handling;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rectification loop: 待处理 → 已签收 → 整改中 → 已提交 → 已关闭 (accepted by the superior), back to 整改中 when
 * rejected; 已解除 when the condition cleared by itself; 已撤销 when dismissed with a reason.
 */
public enum AlertStatus {
  OPEN("待处理"),
  ACKNOWLEDGED("已签收"),
  RECTIFYING("整改中"),
  SUBMITTED("已提交待审核"),
  CLOSED("已关闭"),
  RESOLVED("已自动解除"),
  DISMISSED("已撤销");

  public static final Set<AlertStatus> ACTIVE =
      EnumSet.of(OPEN, ACKNOWLEDGED, RECTIFYING, SUBMITTED);

  private final String label;

  AlertStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean active() {
    return ACTIVE.contains(this);
  }
}
