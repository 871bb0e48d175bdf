package cn.dangjian.orglife.attachment;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Which files a meeting record accepts: declared type on the allow-list and content to match. */
public final class AttachmentRules {

  private AttachmentRules() {}

  public static String normalisedType(String declared) {
    if (declared == null) {
      return "";
    }
    int semi = declared.indexOf(';');
    return (semi < 0 ? declared : declared.substring(0, semi)).strip().toLowerCase();
  }

  public static void checkType(String type, List<String> allowed) {
    if (!allowed.contains(type)) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "attachment.rule.type-not-allowed",
          new Object[] {type},
          Map.of("rule", "attachment-type-not-allowed"));
    }
  }

  /** The first bytes must be what the declared type says (a renamed .exe is not a photo). */
  public static void checkContent(String type, byte[] head) {
    boolean ok =
        switch (type) {
          case "image/jpeg" -> starts(head, 0xFF, 0xD8, 0xFF);
          case "image/png" -> starts(head, 0x89, 'P', 'N', 'G');
          case "application/pdf" -> starts(head, '%', 'P', 'D', 'F');
          case "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ->
              starts(head, 'P', 'K', 3, 4);
          case "text/plain" -> isText(head);
          default -> false;
        };
    if (!ok) {
      throw ProblemException.businessRule(
          "attachment-content-matches-type", "attachment.rule.content-mismatch", type);
    }
  }

  /** A file name without any path, at most 200 characters. */
  public static String fileName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    name = name.replaceAll("[\\p{Cntrl}\"]", "_");
    if (name.isEmpty()) {
      name = "attachment";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static boolean starts(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isText(byte[] head) {
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    // a multi-byte character may be cut at the end of the sniffed head
    byte[] body = head.length > 4 ? Arrays.copyOf(head, head.length - 4) : head;
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
