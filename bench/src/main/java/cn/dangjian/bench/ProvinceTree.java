package cn.dangjian.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A province-shaped organisation tree, generated deterministically from a seed:
 *
 * <pre>
 * 示范省委 (PARTY_COMMITTEE, depth 1)
 *  └ 10 city committees (depth 2)
 *     └ 10 county committees each = 100 counties (depth 3)
 *        ├ 县直机关工委: the county organs' working committee (depth 4), ~20 % of the county's branches
 *        └ township committees of ~25 branches each (depth 4)
 *           ├ 党总支 general branches of 5 branches (depth 5), ~20 % of a committee's branches
 *           └ branches (BRANCH, 3 % JOINT_BRANCH) directly under the committee (depth 5) or under a
 *             general branch (depth 6)
 * </pre>
 *
 * County 0 is the benchmark county: 4 % of all branches (2,000 of 50,000), and its organs' working
 * committee holds 1 % (500), the subtree the move benchmark moves to the first county of the second
 * city and back. The other 99 counties share the rest evenly (~485 branches each). Paths are built
 * exactly as {@code Org.root}/{@code Org.child} do: {@code "/" + id + "/"}, then {@code parent.path
 * + id + "/"}.
 */
public final class ProvinceTree {

  /** One organisation row. {@code county} is the county index, -1 above county level. */
  public record OrgRow(
      UUID id,
      UUID parentId,
      String name,
      String type,
      String path,
      int depth,
      int county,
      boolean rural) {

    public boolean holdsMembers() {
      return type.equals("BRANCH") || type.equals("JOINT_BRANCH");
    }
  }

  static final int CITIES = 10;
  public static final int COUNTIES_PER_CITY = 10;
  public static final int COUNTIES = CITIES * COUNTIES_PER_CITY;

  private static final String[] CITY_NAMES = {
    "青川", "云岭", "临江", "丰禾", "白石", "长宁", "安澜", "北原", "南湖", "东陵"
  };
  private static final String SYLLABLES =
      "安白宝北长成崇大德东丰福高古广桂海和河红华怀黄吉嘉建江金锦靖九康兰乐黎临龙隆鹿马梅民明南宁平"
          + "普齐启清庆仁荣瑞三沙山上石寿双顺泗松太泰桃天通同万望文西仙祥新兴秀阳永玉元云枣泽长正中";
  private static final String[] UNITS = {
    "财政局",
    "教育局",
    "卫生健康局",
    "公安局",
    "人民法院",
    "人民检察院",
    "交通运输局",
    "水利局",
    "农业农村局",
    "住房和城乡建设局",
    "自然资源局",
    "市场监督管理局",
    "税务局",
    "人民医院",
    "第一中学",
    "实验小学",
    "供电公司",
    "城市管理局",
    "统计局",
    "审计局"
  };
  private static final String[] VILLAGE_SUFFIX = {"村", "社区", "村", "村", "居委会"};

  final List<OrgRow> orgs = new ArrayList<>();
  final List<Integer> branches = new ArrayList<>();
  final int province;
  final int benchCounty;
  final int moveCommittee;
  final int moveTarget;
  private final SplittableRandom random;
  private long clock;
  private int nameCounter;

  ProvinceTree(int totalBranches, long seed, long startMillis) {
    if (totalBranches < COUNTIES * 4) {
      throw new IllegalArgumentException("need at least " + COUNTIES * 4 + " branches");
    }
    this.random = new SplittableRandom(seed);
    this.clock = startMillis;
    int benchBranches = Math.round(totalBranches * 0.04f);
    int committeeBranches = Math.round(totalBranches * 0.01f);
    int others = totalBranches - benchBranches;

    province = add(-1, "示范省委", "PARTY_COMMITTEE", -1, false);
    int[] counties = new int[COUNTIES];
    for (int c = 0; c < CITIES; c++) {
      int city = add(province, CITY_NAMES[c] + "市委", "PARTY_COMMITTEE", -1, false);
      for (int k = 0; k < COUNTIES_PER_CITY; k++) {
        int index = c * COUNTIES_PER_CITY + k;
        counties[index] = add(city, placeName() + "县委", "PARTY_COMMITTEE", index, false);
      }
    }
    int committee = -1;
    for (int i = 0; i < COUNTIES; i++) {
      int n =
          i == 0
              ? benchBranches
              : others / (COUNTIES - 1) + (i - 1 < others % (COUNTIES - 1) ? 1 : 0);
      int organs = i == 0 ? committeeBranches : Math.round(n * 0.2f);
      String countyName = orgs.get(counties[i]).name().replace("县委", "县");
      int organsCommittee = add(counties[i], countyName + "直属机关工作委员会", "PARTY_COMMITTEE", i, false);
      if (i == 0) {
        committee = organsCommittee;
      }
      fillUnits(organsCommittee, organs, i, false);
      int rest = n - organs;
      int townships = Math.max(1, Math.round(rest / 25f));
      for (int t = 0; t < townships; t++) {
        int tn = rest / townships + (t < rest % townships ? 1 : 0);
        int township = add(counties[i], placeName() + "镇党委", "PARTY_COMMITTEE", i, true);
        fillUnits(township, tn, i, true);
      }
    }
    benchCounty = counties[0];
    moveCommittee = committee;
    moveTarget = counties[COUNTIES_PER_CITY];
  }

  private void fillUnits(int parent, int n, int county, boolean rural) {
    int generals = Math.round(n * 0.2f) / 5;
    for (int g = 0; g < generals; g++) {
      int general = add(parent, unitName(rural) + "党总支", "GENERAL_BRANCH", county, rural);
      for (int b = 0; b < 5; b++) {
        addBranch(general, county, rural);
      }
    }
    for (int b = generals * 5; b < n; b++) {
      addBranch(parent, county, rural);
    }
  }

  private void addBranch(int parent, int county, boolean rural) {
    boolean joint = random.nextInt(100) < 3;
    String name = unitName(rural) + (joint ? "联合党支部" : "党支部");
    branches.add(add(parent, name, joint ? "JOINT_BRANCH" : "BRANCH", county, rural));
  }

  private String unitName(boolean rural) {
    if (rural) {
      return placeName() + VILLAGE_SUFFIX[random.nextInt(VILLAGE_SUFFIX.length)];
    }
    return UNITS[random.nextInt(UNITS.length)] + (++nameCounter % 7 == 0 ? "机关第二" : "机关");
  }

  private String placeName() {
    return ""
        + SYLLABLES.charAt(random.nextInt(SYLLABLES.length()))
        + SYLLABLES.charAt(random.nextInt(SYLLABLES.length()));
  }

  private int add(int parent, String name, String type, int county, boolean rural) {
    UUID id = UuidV7s.at(clock++, random);
    OrgRow row;
    if (parent < 0) {
      row = new OrgRow(id, null, name, type, "/" + id + "/", 1, county, rural);
    } else {
      OrgRow p = orgs.get(parent);
      row = new OrgRow(id, p.id(), name, type, p.path() + id + "/", p.depth() + 1, county, rural);
    }
    orgs.add(row);
    return orgs.size() - 1;
  }

  public OrgRow org(int index) {
    return orgs.get(index);
  }

  /** Every org, parents before children. */
  public List<OrgRow> orgs() {
    return orgs;
  }

  /** Indexes (into {@link #orgs()}) of the member-holding branches, in tree order. */
  public List<Integer> branches() {
    return branches;
  }

  public OrgRow provinceOrg() {
    return orgs.get(province);
  }

  /** Branch count under an org (by path prefix). */
  int branchesUnder(int orgIndex) {
    String prefix = orgs.get(orgIndex).path();
    int n = 0;
    for (int b : branches) {
      if (orgs.get(b).path().startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }

  int orgsUnder(int orgIndex) {
    String prefix = orgs.get(orgIndex).path();
    int n = 0;
    for (OrgRow row : orgs) {
      if (row.path().startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }
}
