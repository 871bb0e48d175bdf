package cn.dangjian.bench.province;

/** org-life-service's year: meetings, attendance, approval counts (filled in below). */
final class OrgLifeYear {
  private OrgLifeYear() {}

  static void write(ProvinceMembers register, Loading loading, long seed) throws Exception {}
}
