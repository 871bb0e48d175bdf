package cn.dangjian.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

class AttachmentIT extends ApiTestSupport {

  private static byte[] png(int size) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) 7);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }

  private org.springframework.test.web.servlet.ResultActions upload(
      String token, UUID meeting, String name, String type, byte[] content) throws Exception {
    return mvc.perform(
        multipart("/api/org-life/meetings/" + meeting + "/attachments")
            .file(new MockMultipartFile("file", name, type, content))
            .header(org.springframework.http.HttpHeaders.AUTHORIZATION, "Bearer " + token));
  }

  @Test
  void attachmentsAreStoredWithTheirMetadataWithinSizeAndTypeLimits() throws Exception {
    formalMembers(branchA, 3);
    LocalDateTime at =
        LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
            .minusDays(1)
            .withHour(9)
            .truncatedTo(ChronoUnit.HOURS);
    Planned p = plan(worker, branchA, "THEMED_PARTY_DAY", at, null);
    byte[] photo = png(2048);

    JsonNode a =
        read(
            upload(worker, p.id(), "C:\\photos\\签到表.png", "image/png", photo)
                .andExpect(status().isCreated()));
    assertThat(a.get("fileName").asString()).isEqualTo("签到表.png");
    assertThat(a.get("sizeBytes").asLong()).isEqualTo(2048);
    assertThat(a.get("sha256").asString()).hasSize(64);
    byte[] back =
        as(worker, get("/api/org-life/meetings/" + p.id() + "/attachments/" + id(a)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(back).isEqualTo(photo);

    // an executable renamed to .png, a type not on the list, a file over the limit
    upload(worker, p.id(), "x.png", "image/png", "MZ\u0090\u0000binary".getBytes())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rule").value("attachment-content-matches-type"));
    upload(worker, p.id(), "x.zip", "application/zip", new byte[] {'P', 'K', 3, 4})
        .andExpect(status().isUnsupportedMediaType());
    upload(worker, p.id(), "big.png", "image/png", png(70 * 1024))
        .andExpect(status().isContentTooLarge());
    as(worker, get("/api/org-life/meetings/" + p.id() + "/attachments"))
        .andExpect(jsonPath("$.length()").value(1));

    // another branch sees nothing
    as(secretaryOf(branchB), get("/api/org-life/meetings/" + p.id() + "/attachments/" + id(a)))
        .andExpect(status().isNotFound());
    as(worker, delete("/api/org-life/meetings/" + p.id() + "/attachments/" + id(a)))
        .andExpect(status().isNoContent());
    as(worker, get("/api/org-life/meetings/" + p.id() + "/attachments"))
        .andExpect(jsonPath("$.length()").value(0));
  }
}
