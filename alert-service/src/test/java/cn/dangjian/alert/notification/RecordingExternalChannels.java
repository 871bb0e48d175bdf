package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.channels.ExternalChannels;
import cn.dangjian.alert.channels.OutboundMessage;
import cn.dangjian.alert.channels.SendResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every channel on, every send recorded; a member can be made to answer RETRY or FAILED (with a
 * provider code) to test retries. Primary: after the merge the channels module's real bean exists.
 */
@TestConfiguration
public class RecordingExternalChannels {

  /** The fake: what was sent, and the answer per member (SENT unless told otherwise). */
  public static final class Fake implements ExternalChannels {

    public record Sent(ExternalChannel channel, OutboundMessage message) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<UUID, SendResult> answers = new ConcurrentHashMap<>();

    @Override
    public boolean enabled(ExternalChannel channel) {
      return true;
    }

    @Override
    public SendResult send(ExternalChannel channel, OutboundMessage message) {
      sent.add(new Sent(channel, message));
      return answers.getOrDefault(message.memberId(), SendResult.sent("ok"));
    }

    public void answer(UUID member, SendResult result) {
      answers.put(member, result);
    }

    public List<Sent> sentTo(UUID member) {
      return sent.stream().filter(s -> s.message().memberId().equals(member)).toList();
    }
  }

  @Bean
  @Primary
  Fake recordingExternalChannels() {
    return new Fake();
  }
}
