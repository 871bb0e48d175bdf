package cn.dangjian.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.api.ApiDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The API document this service serves is the one committed in api/dues-service.json, and every
 * operation in it has a stable name and documents its errors.
 */
class ApiDocumentIT extends DuesServiceIntegrationTest {

  @Autowired MockMvc mvc;

  @Test
  void theServedContractIsTheCommittedOneAndFollowsTheConventions() throws Exception {
    JsonNode served = ApiDocuments.served(mvc);
    assertThat(ApiDocuments.conventionViolations(served)).isEmpty();
    assertThat(ApiDocuments.compareWithCommitted(served, "dues-service")).isEmpty();
  }
}
