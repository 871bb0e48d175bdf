package cn.dangjian.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "A-b_9",
        "0123456789012345678901234567890123456789012345678901234567890123"
      })
  void shortTokensOfLettersDigitsDashAndUnderscoreAreKept(String id) {
    assertThat(Correlation.isSane(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "line\nbreak",
        "<script>",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void anythingElseIsReplaced(String id) {
    assertThat(Correlation.isSane(id)).isFalse();
  }
}
