package cn.dangjian.testsupport;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.Topics;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.events.member.MemberUpdated;
import cn.dangjian.events.member.MobileCertificateChanged;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.TransferChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays member-service in another service's tests: sends real {@code member.events} envelopes (the
 * same JSON member-service's outbox sends, keyed by subject id) to a real broker, so the service's
 * projection and hooks run exactly as in production. Remembers the paths of the orgs it created so
 * that members land in the right subtree.
 */
public final class MemberEventsFeed implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<UUID, String> paths = new ConcurrentHashMap<>();
  private final Map<UUID, UUID> memberOrgs = new ConcurrentHashMap<>();

  public MemberEventsFeed(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props);
  }

  /** {@code org.created}; returns the new org's id. */
  public UUID orgCreated(UUID parentId, String name, String orgType) {
    UUID orgId = UUID.randomUUID();
    String path = (parentId == null ? "/" : pathOf(parentId)) + orgId + "/";
    paths.put(orgId, path);
    send(
        EventTypes.ORG_CREATED,
        orgId.toString(),
        path,
        new OrgCreated(orgId, parentId, name, orgType, path));
    return orgId;
  }

  public String pathOf(UUID orgId) {
    String path = paths.get(orgId);
    if (path == null) {
      throw new IllegalArgumentException("org not created through this feed: " + orgId);
    }
    return path;
  }

  /** {@code member.registered}; returns the new member's id. */
  public UUID memberRegistered(
      UUID orgId, String stage, String duesCategory, LocalDate joinDate, LocalDate fullMemberDate) {
    UUID memberId = UUID.randomUUID();
    memberOrgs.put(memberId, orgId);
    send(
        EventTypes.MEMBER_REGISTERED,
        memberId.toString(),
        pathOf(orgId),
        new MemberRegistered(memberId, orgId, stage, duesCategory, joinDate, fullMemberDate));
    return memberId;
  }

  public void statusChanged(UUID memberId, String toStatus, LocalDate on) {
    UUID orgId = orgOf(memberId);
    send(
        EventTypes.MEMBER_STATUS_CHANGED,
        memberId.toString(),
        pathOf(orgId),
        new MemberStatusChanged(memberId, orgId, "ACTIVE", toStatus, on));
  }

  public void flagChanged(
      UUID memberId, String flag, boolean active, LocalDate startedOn, LocalDate endsOn) {
    UUID orgId = orgOf(memberId);
    send(
        EventTypes.MEMBER_FLAG_CHANGED,
        memberId.toString(),
        pathOf(orgId),
        new MemberFlagChanged(memberId, orgId, flag, active, startedOn, endsOn));
  }

  /** An internal transfer received by {@code toOrgId}: the relationship moves there. */
  /**
   * A 活动证 issued (or, with another status, returned) for the member: hosted by {@code hostOrgId}
   * from {@code issuedOn} until {@code validUntil}.
   */
  public UUID mobileCertificate(
      UUID memberId,
      UUID hostOrgId,
      String status,
      boolean fixedPlace,
      LocalDate awaySince,
      LocalDate issuedOn,
      LocalDate validUntil) {
    UUID certificate = UUID.randomUUID();
    UUID home = orgOf(memberId);
    send(
        EventTypes.MEMBER_MOBILE_CHANGED,
        memberId.toString(),
        pathOf(home),
        new MobileCertificateChanged(
            certificate,
            memberId,
            home,
            hostOrgId,
            hostOrgId == null ? null : pathOf(hostOrgId),
            "ACTIVE".equals(status) ? "ISSUED" : "RETURNED",
            status,
            fixedPlace,
            awaySince,
            issuedOn,
            validUntil,
            null,
            "ACTIVE".equals(status) ? null : issuedOn));
    return certificate;
  }

  public void transferReceived(UUID memberId, UUID toOrgId, LocalDate on) {
    UUID fromOrgId = orgOf(memberId);
    memberOrgs.put(memberId, toOrgId);
    send(
        EventTypes.MEMBER_TRANSFER_CHANGED,
        memberId.toString(),
        pathOf(toOrgId),
        new TransferChanged(
            UUID.randomUUID(),
            memberId,
            "INTERNAL",
            fromOrgId,
            toOrgId,
            "RECEIVED",
            on,
            on.plusDays(90),
            pathOf(toOrgId)));
  }

  /** A development step after which the member is at {@code stage}. */
  public void developmentStep(
      UUID memberId, String step, int number, LocalDate doneOn, String stage) {
    UUID orgId = orgOf(memberId);
    LocalDate joinDate = "PROBATIONARY".equals(stage) ? doneOn : null;
    send(
        EventTypes.MEMBER_DEVELOPMENT_STEP,
        memberId.toString(),
        pathOf(orgId),
        new DevelopmentStepRecorded(
            memberId, orgId, step, number, doneOn, stage, null, null, joinDate, null, null, null));
  }

  public void memberUpdated(UUID memberId, String duesCategory, String stage) {
    UUID orgId = orgOf(memberId);
    send(
        EventTypes.MEMBER_UPDATED,
        memberId.toString(),
        pathOf(orgId),
        new MemberUpdated(memberId, orgId, List.of("duesCategory"), duesCategory, stage));
  }

  /** Sends any envelope, as member-service's outbox would; returns it. */
  public <P> EventEnvelope<P> send(String type, String subjectId, String orgPath, P payload) {
    EventEnvelope<P> envelope =
        new EventEnvelope<>(
            UUID.randomUUID(),
            type,
            EventTypes.find(type).map(EventTypes.Definition::version).orElse(1),
            Instant.now(),
            "member-service",
            subjectId,
            orgPath,
            payload);
    sendRaw(Topics.MEMBER_EVENTS, subjectId, json.writeValueAsBytes(envelope));
    return envelope;
  }

  /** Sends raw bytes (a redelivery, or a poison record). */
  public void sendRaw(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot send to " + topic + ": " + e.getMessage(), e);
    }
  }

  private UUID orgOf(UUID memberId) {
    UUID orgId = memberOrgs.get(memberId);
    if (orgId == null) {
      throw new IllegalArgumentException("member not registered through this feed: " + memberId);
    }
    return orgId;
  }

  @Override
  public void close() {
    producer.close();
  }
}
