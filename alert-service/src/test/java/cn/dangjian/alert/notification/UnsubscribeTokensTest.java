package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.channels.ExternalChannel;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

  private final UnsubscribeTokens tokens = new UnsubscribeTokens("a-test-secret-of-some-length");

  @Test
  void unsubscribeTokenNamesMemberKindAndChannel() {
    UUID member = UUID.randomUUID();
    String token = tokens.token(member, NotificationKind.DUES_OVERDUE, ExternalChannel.SMS);
    assertThat(tokens.verify(token))
        .contains(
            new UnsubscribeTokens.Subscription(
                member, NotificationKind.DUES_OVERDUE, ExternalChannel.SMS));
  }

  @Test
  void forgedOrAlteredUnsubscribeTokensAreRefused() {
    UUID member = UUID.randomUUID();
    String token = tokens.token(member, NotificationKind.DUES_OVERDUE, ExternalChannel.SMS);
    String other =
        new UnsubscribeTokens("another-secret-entirely")
            .token(member, NotificationKind.DUES_OVERDUE, ExternalChannel.SMS);
    String otherMember =
        tokens.token(UUID.randomUUID(), NotificationKind.DUES_OVERDUE, ExternalChannel.SMS);
    String swapped =
        otherMember.substring(0, otherMember.indexOf('.')) + token.substring(token.indexOf('.'));
    assertThat(tokens.verify(other)).isEmpty();
    assertThat(tokens.verify(swapped)).isEmpty();
    assertThat(tokens.verify("garbage")).isEmpty();
    assertThat(tokens.verify("%%%.%%%")).isEmpty();
  }
}
