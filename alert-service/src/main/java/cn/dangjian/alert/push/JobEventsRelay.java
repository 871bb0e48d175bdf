package cn.dangjian.alert.push;

import cn.dangjian.alert.handling.AlertViews;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.Topics;
import cn.dangjian.events.jobs.JobChanged;
import cn.dangjian.platform.events.CloudEventHeaders;
import cn.dangjian.platform.events.EventEnvelopeReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Jobs of every service on the stream: each {@code <area>.job-changed} becomes a {@code job} event
 * for the user who started the job (through the stream's event log, so any instance holding that
 * user's stream sends it, and a reconnect replays it). Progress is a notification: a duplicate
 * after a redelivery only repeats a state the client already has.
 */
@Component
class JobEventsRelay {

  private static final int REMEMBERED_JOBS = 10_000;

  private final EventEnvelopeReader reader;
  private final AlertStream stream;
  private final Map<UUID, Instant> lastRelayed =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Instant> eldest) {
              return size() > REMEMBERED_JOBS;
            }
          });

  JobEventsRelay(EventEnvelopeReader reader, AlertStream stream) {
    this.reader = reader;
    this.stream = stream;
  }

  @KafkaListener(
      id = "alert-job-events",
      topics = {
        Topics.MEMBER_EVENTS,
        Topics.DUES_EVENTS,
        Topics.ASSESSMENT_EVENTS,
        Topics.ALERT_EVENTS
      },
      groupId = "alert-service-job-events",
      // only what happens from now on: a job's past is in its resource
      properties = {"auto.offset.reset=latest"})
  public void onRecord(ConsumerRecord<String, byte[]> record) {
    // most records of these topics are domain events: skip them by header, without parsing
    Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
    if (type != null
        && !new String(type.value(), StandardCharsets.UTF_8).endsWith(".job-changed")) {
      return;
    }
    EventEnvelope<JsonNode> envelope = reader.read(record);
    if (!envelope.type().endsWith(".job-changed")) {
      return;
    }
    JobChanged job = reader.payload(envelope, JobChanged.class);
    Instant previous = lastRelayed.get(job.jobId());
    if (previous != null && !envelope.occurredAt().isAfter(previous)) {
      return;
    }
    lastRelayed.put(job.jobId(), envelope.occurredAt());
    stream.pushToUser(
        job.createdBy(),
        "job",
        new AlertViews.JobProgress(
            job.jobId(),
            job.kind(),
            job.status(),
            job.done(),
            job.total(),
            job.unit(),
            job.percent(),
            job.href()));
  }
}
