package cn.dangjian.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ProblemLanguageTest {

  @ParameterizedTest(name = "Accept-Language \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|zh",
        "en|en",
        "en-GB|en",
        "zh-CN,en;q=0.8|zh",
        "en;q=0.5,zh;q=0.9|zh",
        "fr|zh",
        "fr,en;q=0.5|en",
        ";;;garbage|zh"
      })
  void chineseUnlessEnglishIsPreferred(String acceptLanguage, String expected) {
    MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/");
    if (!acceptLanguage.isEmpty()) {
      request.header("Accept-Language", acceptLanguage);
    }
    Locale locale = ProblemLanguage.of(request.build());
    assertThat(locale.getLanguage()).isEqualTo(expected);
  }
}
