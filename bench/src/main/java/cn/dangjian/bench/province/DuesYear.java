package cn.dangjian.bench.province;

/** dues-service's year: bills, payments, arrears (filled in below). */
final class DuesYear {
  private DuesYear() {}

  static void write(ProvinceMembers register, Loading loading, long seed) throws Exception {}
}
