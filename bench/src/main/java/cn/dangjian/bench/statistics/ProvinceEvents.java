package cn.dangjian.bench.statistics;

import cn.dangjian.bench.ProvinceLoader;
import cn.dangjian.bench.ProvinceTree;
import cn.dangjian.bench.ProvinceTree.OrgRow;
import cn.dangjian.bench.UuidV7s;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.member.EducationLevel;
import cn.dangjian.events.member.MemberClassified;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.Occupation;
import cn.dangjian.events.member.OrgClassified;
import cn.dangjian.events.member.OrgCreated;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province of {@link ProvinceTree} as member-service publishes it on member.events: for every
 * org in tree order {@code org.created} and {@code org.classified} (and {@code committee.changed}
 * for the branches that elected a committee), then for every member {@code member.registered} and
 * {@code member.classified}, keyed by the subject's id, with the envelope's orgPath set as the
 * service sets it (an org's own path, a member's org path). Deterministic from the seed.
 *
 * <p>Time: the orgs are created on the first day of the history, {@code importShare} percent of the
 * members are registered in its first month (the go-live import), the rest spread over the
 * following months (new registrations), in time order, each with a UUIDv7 id of its instant.
 */
final class ProvinceEvents {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int EVENTS_PER_MEMBER = 2;
  private static final String SOURCE = "member-service";

  private static final String[] MINORITIES = {
    "回族", "壮族", "满族", "苗族", "土家族", "蒙古族", "彝族", "瑶族", "藏族", "维吾尔族"
  };
  private static final EducationLevel[] EDUCATION = EducationLevel.values();
  // POSTGRADUATE, UNDERGRADUATE, JUNIOR_COLLEGE, SECONDARY_VOCATIONAL, HIGH_SCHOOL, JUNIOR_HIGH…
  private static final int[] EDUCATION_WEIGHT = {5, 33, 25, 8, 14, 14, 1};
  private static final Occupation[] OCCUPATIONS = Occupation.values();
  // WORKER, FARMER…, PROFESSIONAL, MANAGER, PUBLIC_SERVANT, STUDENT, RETIRED, OTHER, UNSPECIFIED
  private static final int[] URBAN_OCCUPATION = {12, 2, 25, 16, 25, 2, 0, 16, 2};
  private static final int[] RURAL_OCCUPATION = {10, 60, 5, 3, 2, 2, 0, 16, 2};

  /** Where an event goes: the topic's key and the envelope as JSON. */
  interface Sink {
    void send(String key, byte[] envelope);
  }

  /** A member as registered: for the freshness run, which counts them at their branch. */
  record Member(UUID id, OrgRow branch) {}

  private final ProvinceTree tree;
  private final long seed;
  private final int members;
  private final LocalDate historyStart;
  private final int months;
  private final int importShare;

  ProvinceEvents(
      ProvinceTree tree,
      long seed,
      int members,
      LocalDate historyStart,
      int months,
      int importShare) {
    this.tree = tree;
    this.seed = seed;
    this.members = members;
    this.historyStart = historyStart;
    this.months = months;
    this.importShare = importShare;
  }

  static ProvinceTree tree(int branches, long seed, LocalDate historyStart) {
    // ProvinceLoader places the orgs 60 days before the members' first registration
    long members = historyStart.atStartOfDay(ZONE).toInstant().toEpochMilli();
    return ProvinceLoader.tree(branches, seed, members + 5L * 365 * 86_400_000L);
  }

  ProvinceTree tree() {
    return tree;
  }

  /** Every org (parents first), its classification and, for 30 % of the branches, a committee. */
  long publishOrgs(Sink sink) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x0A6L);
    Instant at = historyStart.atStartOfDay(ZONE).toInstant().plusSeconds(8 * 3600);
    long sent = 0;
    for (OrgRow org : tree.orgs()) {
      at = at.plusMillis(10);
      sink.send(
          org.id().toString(),
          envelope(
              random,
              EventTypes.ORG_CREATED,
              at,
              org.id(),
              org.path(),
              new OrgCreated(org.id(), org.parentId(), org.name(), org.type(), org.path())));
      String[] unit = unit(org, random);
      sink.send(
          org.id().toString(),
          envelope(
              random,
              EventTypes.ORG_CLASSIFIED,
              at,
              org.id(),
              org.path(),
              new OrgClassified(org.id(), unit[0], unit[1])));
      sent += 2;
      if (org.holdsMembers() && random.nextInt(100) < 30) {
        // a three-year term elected 2024-01 .. 2026-11
        LocalDate started = LocalDate.of(2024, 1, 10).plusDays(random.nextInt(1050));
        LocalDate ends = started.plusYears(3);
        sink.send(
            org.id().toString(),
            envelope(
                random,
                EventTypes.COMMITTEE_CHANGED,
                at,
                org.id(),
                org.path(),
                new CommitteeChanged(
                    org.id(), uuid(random, at), started, ends, ends, null, null, 5)));
        sent++;
      }
    }
    return sent;
  }

  /** Every member: registered and classified, in registration order, to random branches. */
  long publishMembers(Sink sink) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x3E3L);
    List<Integer> branches = tree.branches();
    long start = historyStart.atStartOfDay(ZONE).toInstant().toEpochMilli() + 86_400_000L;
    long importEnd = historyStart.plusMonths(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
    long end = historyStart.plusMonths(months).atStartOfDay(ZONE).toInstant().toEpochMilli();
    int imported = (int) ((long) members * importShare / 100);
    long sent = 0;
    for (int i = 0; i < members; i++) {
      long millis =
          i < imported
              ? start + (importEnd - start - 1) * i / Math.max(1, imported)
              : importEnd
                  + (end - importEnd - 1) * (i - imported) / Math.max(1, members - imported);
      OrgRow branch = tree.org(branches.get(random.nextInt(branches.size())));
      member(sink, random, Instant.ofEpochMilli(millis), branch, null);
      sent += EVENTS_PER_MEMBER;
    }
    return sent;
  }

  /**
   * One member's {@value #EVENTS_PER_MEMBER} events, registered at {@code at} in {@code branch};
   * {@code forcedStage} null for the province's mix.
   */
  Member member(Sink sink, SplittableRandom random, Instant at, OrgRow branch, String forcedStage) {
    UUID id = UuidV7s.at(at.toEpochMilli(), random);
    LocalDate today = LocalDate.ofInstant(at, ZONE);
    int roll = random.nextInt(1000);
    String stage =
        forcedStage != null
            ? forcedStage
            : roll < 880
                ? "FULL"
                : roll < 915
                    ? "PROBATIONARY"
                    : roll < 935 ? "DEVELOPMENT_TARGET" : roll < 965 ? "ACTIVIST" : "APPLICANT";
    boolean pipeline = !stage.equals("FULL") && !stage.equals("PROBATIONARY");
    int age = age(random, pipeline || stage.equals("PROBATIONARY"));
    LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
    LocalDate joined = null;
    LocalDate full = null;
    if (stage.equals("PROBATIONARY")) {
      joined = today.minusDays(random.nextInt(330) + 1);
    } else if (stage.equals("FULL")) {
      int joinAge = 18 + random.nextInt(Math.max(1, Math.min(age, 50) - 18 + 1));
      joined = birth.plusYears(joinAge).plusDays(random.nextInt(200));
      if (joined.isAfter(today.minusYears(1))) {
        joined = today.minusYears(1).minusDays(random.nextInt(60) + 1);
      }
      full = joined.plusYears(1);
    }
    String path = branch.path();
    String dues = age >= 62 ? "RETIRED" : branch.rural() ? "FARMER" : "EMPLOYED";
    sink.send(
        id.toString(),
        envelope(
            random,
            EventTypes.MEMBER_REGISTERED,
            at,
            id,
            path,
            new MemberRegistered(id, branch.id(), stage, dues, joined, full)));
    int ethnic = random.nextInt(1000);
    String ethnicity =
        ethnic < 5 ? null : ethnic < 85 ? MINORITIES[random.nextInt(MINORITIES.length)] : "汉族";
    String occupation =
        age >= 62 && random.nextInt(100) < 85
            ? "RETIRED"
            : age <= 22 && random.nextInt(100) < 60
                ? "STUDENT"
                : OCCUPATIONS[pick(random, branch.rural() ? RURAL_OCCUPATION : URBAN_OCCUPATION)]
                    .name();
    sink.send(
        id.toString(),
        envelope(
            random,
            EventTypes.MEMBER_CLASSIFIED,
            at,
            id,
            path,
            new MemberClassified(
                id,
                branch.id(),
                random.nextInt(100) < 30 ? "FEMALE" : "MALE",
                ethnicity,
                random.nextInt(1000) < 3 ? null : YearMonth.from(birth).toString(),
                EDUCATION[pick(random, EDUCATION_WEIGHT)].name(),
                occupation)));
    return new Member(id, branch);
  }

  /** Ages of the register: ≈ 24 % up to 35, 48 % 36–60, 28 % over 60; the pipeline younger. */
  private static int age(SplittableRandom random, boolean young) {
    if (young) {
      return 19 + random.nextInt(22);
    }
    int band = random.nextInt(100);
    return band < 24
        ? 20 + random.nextInt(16)
        : band < 72 ? 36 + random.nextInt(25) : 61 + random.nextInt(30);
  }

  /** 单位类型 and 隶属关系 by level: organs above the county, townships and villages below. */
  private static String[] unit(OrgRow org, SplittableRandom random) {
    return switch (org.depth()) {
      case 1 -> new String[] {"PARTY_GOVERNMENT_ORGAN", "PROVINCIAL"};
      case 2 -> new String[] {"PARTY_GOVERNMENT_ORGAN", "PREFECTURAL"};
      case 3 -> new String[] {"PARTY_GOVERNMENT_ORGAN", "COUNTY"};
      case 4 ->
          org.rural()
              ? new String[] {"TOWNSHIP", "TOWNSHIP"}
              : new String[] {"PARTY_GOVERNMENT_ORGAN", "COUNTY"};
      default -> {
        int roll = random.nextInt(100);
        if (org.rural()) {
          yield new String[] {roll < 80 ? "ADMINISTRATIVE_VILLAGE" : "COMMUNITY", "TOWNSHIP"};
        }
        yield new String[] {
          roll < 50
              ? "PARTY_GOVERNMENT_ORGAN"
              : roll < 85 ? "PUBLIC_INSTITUTION" : "STATE_OWNED_ENTERPRISE",
          "COUNTY"
        };
      }
    };
  }

  private static int pick(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static UUID uuid(SplittableRandom random, Instant at) {
    return UuidV7s.at(at.toEpochMilli(), random);
  }

  private static byte[] envelope(
      SplittableRandom random,
      String type,
      Instant at,
      UUID subject,
      String orgPath,
      Object payload) {
    int version = EventTypes.find(type).orElseThrow().version();
    return JSON.writeValueAsBytes(
        new EventEnvelope<>(
            uuid(random, at), type, version, at, SOURCE, subject.toString(), orgPath, payload));
  }

  /** A producer for member.events: {@code linger} ms, {@code batch} bytes per partition batch. */
  static KafkaProducer<String, byte[]> producer(
      cn.dangjian.testsupport.TestKafka kafka, String linger, String batch) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, linger);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, batch);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props);
  }
}
