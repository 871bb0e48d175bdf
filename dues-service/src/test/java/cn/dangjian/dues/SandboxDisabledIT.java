package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dangjian.dues.provider.PaymentProvider;
import cn.dangjian.platform.projection.MemberEventsProjector;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without explicit configuration the sandbox provider (payment for nothing) does not exist. Its own
 * context, configured like the others except that nothing enables the sandbox: application.yml's
 * default applies.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SandboxDisabledIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> DuesServiceIntegrationTest.DB_URL);
    registry.add("spring.datasource.username", cn.dangjian.testsupport.TestDatabase::user);
    registry.add("spring.datasource.password", cn.dangjian.testsupport.TestDatabase::password);
    registry.add(
        "spring.kafka.bootstrap-servers", DuesServiceIntegrationTest.KAFKA::bootstrapServers);
    DuesServiceIntegrationTest.KEYCLOAK
        .resourceServerProperties()
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @Autowired MockMvc mvc;
  @Autowired MemberEventsProjector projector;
  @Autowired ObjectProvider<PaymentProvider> providers;

  @Test
  void sandboxIsNotOfferedUnlessExplicitlyEnabled() throws Exception {
    assertThat(providers.stream()).isEmpty();
    ProjectionFeed feed = new ProjectionFeed(projector);
    UUID branch = feed.org(null, "无沙箱党支部" + UUID.randomUUID(), "BRANCH");
    UUID member = feed.member(branch, "FULL", "EMPLOYED", LocalDate.of(2015, 7, 1));
    String token =
        DuesServiceIntegrationTest.KEYCLOAK
            .token()
            .roles("member")
            .orgId(branch)
            .memberId(member)
            .username("member-" + member)
            .build();
    String admin =
        DuesServiceIntegrationTest.KEYCLOAK
            .token()
            .roles("platform-admin")
            .username("admin")
            .build();
    // no provider: an online payment cannot be started
    mvc.perform(
            post("/api/dues/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"memberId\":\""
                        + member
                        + "\",\"months\":[\""
                        + YearMonth.now().minusMonths(1)
                        + "\"],\"channel\":\"ONLINE\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("online-payment-unavailable"));
    // the pay page and the manual completion do not exist
    for (String caller : List.of(token, admin)) {
      mvc.perform(
              get("/api/dues/sandbox/orders/SBX0")
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/api/dues/sandbox/orders/SBX0/complete")
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller))
          .andExpect(status().isNotFound());
    }
    // and a callback naming it is from an unknown provider
    mvc.perform(
            post("/api/dues/payments/callbacks/sandbox")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"orderId\":\"SBX0\",\"amountFen\":1}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
  }
}
