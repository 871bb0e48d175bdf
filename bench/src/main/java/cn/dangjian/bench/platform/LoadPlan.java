package cn.dangjian.bench.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one Gatling run sends: the steps (path, offered rate, seconds), where each service is
 * directly and through the gateway, and the callers. Gatling builds the simulation by class name
 * with no arguments, so the bench hands the plan over through {@link ConsoleSimulation#plan}.
 *
 * @param steps in the order they run, one after the other
 * @param direct service name → its own base URL
 * @param gateway the gateway's base URL
 * @param secretaries branch → tokens of callers with the secretary role in it (many per branch: the
 *     gateway throttles each caller to 50 req/s, as in production)
 * @param members member → a member token (the mini-program's own-bills read)
 */
record LoadPlan(
    List<Step> steps,
    Map<String, String> direct,
    String gateway,
    List<Fixture.Branch> branches,
    Map<UUID, List<String>> secretaries,
    Map<UUID, String> members,
    Map<UUID, Queue<UnpaidBill>> unpaid,
    long seed) {

  /** One phase: a path at an offered rate (users/s, one action each) for some seconds. */
  record Step(String path, int rate, int seconds, boolean measured) {
    boolean throughGateway() {
      return path.equals("gateway");
    }

    String name() {
      return (measured ? "" : "warm-up ") + path + " " + rate + "/s";
    }
  }

  record UnpaidBill(UUID memberId, String month) {}

  /** When each step's first user started and its last one finished (System.nanoTime()). */
  static final Map<String, long[]> WINDOWS = new ConcurrentHashMap<>();

  static void started(String step) {
    long now = System.nanoTime();
    WINDOWS.merge(step, new long[] {now, now}, (a, b) -> new long[] {Math.min(a[0], b[0]), a[1]});
  }

  static void finished(String step) {
    long now = System.nanoTime();
    WINDOWS.merge(step, new long[] {now, now}, (a, b) -> new long[] {a[0], Math.max(a[1], now)});
  }

  String base(String service, boolean throughGateway) {
    return throughGateway ? gateway : direct.get(service);
  }

  /** Endless random callers: a branch, one of its members, its secretary, a meeting slot. */
  Iterator<Map<String, Object>> feeder() {
    SplittableRandom random = new SplittableRandom(seed);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public synchronized Map<String, Object> next() {
        Fixture.Branch branch = branches.get(random.nextInt(branches.size()));
        UUID member = branch.memberIds().get(random.nextInt(branch.memberIds().size()));
        List<String> tokens = secretaries.get(branch.orgId());
        Map<String, Object> record = new HashMap<>();
        record.put("branch", branch.orgId().toString());
        record.put("member", member.toString());
        record.put("secretary", tokens.get(random.nextInt(tokens.size())));
        record.put("memberToken", members.get(member));
        int day = 1 + random.nextInt(28);
        int hour = 8 + random.nextInt(10);
        record.put("startsAt", String.format("2026-12-%02dT%02d:00:00", day, hour));
        record.put("endsAt", String.format("2026-12-%02dT%02d:30:00", day, hour));
        record.put("phone", "139" + String.format("%08d", random.nextInt(100_000_000)));
        record.put("receipt", "BENCH-" + UUID.randomUUID());
        return record;
      }
    };
  }

  /** The next unpaid bill of a branch's member, or null when the branch has none left. */
  UnpaidBill nextUnpaid(String branch) {
    Queue<UnpaidBill> queue = unpaid.get(UUID.fromString(branch));
    return queue == null ? null : queue.poll();
  }

  static Map<UUID, Queue<UnpaidBill>> queues(Map<UUID, List<UnpaidBill>> bills) {
    Map<UUID, Queue<UnpaidBill>> queues = new HashMap<>();
    bills.forEach((branch, list) -> queues.put(branch, new ConcurrentLinkedQueue<>(list)));
    return queues;
  }

  /** Warm-up at the lowest rate on both paths, then each rate: direct, then through the gateway. */
  static List<Step> sweep(List<Integer> rates, int seconds, int warmupSeconds) {
    List<Step> steps = new ArrayList<>();
    if (warmupSeconds > 0) {
      steps.add(new Step("direct", rates.get(0), warmupSeconds, false));
      steps.add(new Step("gateway", rates.get(0), warmupSeconds, false));
    }
    for (int rate : rates) {
      steps.add(new Step("direct", rate, seconds, true));
      steps.add(new Step("gateway", rate, seconds, true));
    }
    return steps;
  }
}
