package cn.dangjian.assessment.cycle;

/** 述职评议 grades (DOMAIN.md §6). */
public enum Grade {
  GOOD("好"),
  FAIRLY_GOOD("较好"),
  AVERAGE("一般"),
  POOR("差");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
