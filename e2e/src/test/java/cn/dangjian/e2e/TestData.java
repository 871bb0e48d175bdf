package cn.dangjian.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds valid request bodies for the e2e scenarios. */
final class TestData {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  /** 12 months × 28 days × 1,000 serials: runs against one stack (the fault suite) rarely meet. */
  private static final int ID_SPACE = 12 * 28 * 1000;

  private static final AtomicInteger SERIAL =
      new AtomicInteger((int) (System.nanoTime() % ID_SPACE));

  private TestData() {}

  /** A valid 18-digit ID number born in 1985. */
  static String idNumber() {
    int n = Math.floorMod(SERIAL.incrementAndGet(), ID_SPACE);
    String first17 =
        "3201021985"
            + String.format("%02d", 1 + n / 28_000)
            + String.format("%02d", 1 + n / 1000 % 28)
            + String.format("%03d", n % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }

  static Map<String, Object> org(UUID parent, String name, String type) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (parent != null) {
      body.put("parentId", parent.toString());
    }
    body.put("name", name);
    body.put("type", type);
    return body;
  }

  static Map<String, Object> member(UUID org, String name) {
    String id = idNumber();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orgId", org.toString());
    body.put("name", name);
    body.put("gender", "MALE");
    body.put(
        "birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
    body.put("idNumber", id);
    body.put("phone", "13912345678");
    body.put("stage", "FULL");
    body.put("duesCategory", "EMPLOYED");
    body.put("joinDate", "2015-07-01");
    body.put("fullMemberDate", "2016-07-01");
    return body;
  }
}
