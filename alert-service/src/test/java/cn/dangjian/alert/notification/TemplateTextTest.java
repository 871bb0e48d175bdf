package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

  @Test
  void templateVariablesAreFilled() {
    assertThat(
            TemplateText.render(
                "定于 ${startsAt} 召开${meetingType}",
                Map.of("startsAt", "12月1日 14:00", "meetingType", "党课")))
        .isEqualTo("定于 12月1日 14:00 召开党课");
  }

  @Test
  void unknownTemplateVariablesAreNamed() {
    assertThat(TemplateText.unknown("${month} ${amount}", List.of("month")))
        .containsExactly("amount");
  }

  @Test
  void everyDefaultTemplateUsesOnlyItsKindsVariables() {
    for (NotificationKind kind : NotificationKind.values()) {
      assertThat(TemplateText.unknown(kind.defaultTitle() + kind.defaultBody(), kind.variables()))
          .as(kind.name())
          .isEmpty();
    }
  }
}
