package cn.dangjian.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class WallClockModuleTest {

  private final JsonMapper json =
      JsonMapper.builder().addModule(new WallClockModule(PartyCalendar.ZONE)).build();

  record Meeting(LocalDateTime startsAt) {}

  private LocalDateTime read(String value) {
    return json.readValue("{\"startsAt\":\"" + value + "\"}", Meeting.class).startsAt();
  }

  @Test
  void aBrowsersUtcTimestampIsTheSameBeijingWallClockTime() {
    assertThat(read("2026-11-20T06:30:00Z")).isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30));
    assertThat(read("2026-11-20T06:30:00.000Z")).isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30));
  }

  @Test
  void anyOffsetIsConvertedToBeijingTime() {
    assertThat(read("2026-11-20T14:30:00+08:00")).isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30));
    assertThat(read("2026-11-20T07:30:00+01:00")).isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30));
    // the day can change: 17:00 in New York on the 19th is 06:00 in Beijing on the 20th
    assertThat(read("2026-11-19T17:00:00-05:00")).isEqualTo(LocalDateTime.of(2026, 11, 20, 6, 0));
  }

  @Test
  void aTimeWithoutOffsetIsStillTakenAsBeijingTime() {
    assertThat(read("2026-11-20T14:30:00")).isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30));
  }

  @Test
  void answersCarryTheBeijingOffset() {
    assertThat(json.writeValueAsString(new Meeting(LocalDateTime.of(2026, 11, 20, 14, 30))))
        .isEqualTo("{\"startsAt\":\"2026-11-20T14:30:00+08:00\"}");
  }

  @Test
  void somethingElseIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> read("20 Nov 2026 14:30"))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("20 Nov 2026 14:30");
    assertThatThrownBy(() -> json.readValue("{\"startsAt\":[2026,11,20,14,30]}", Meeting.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
