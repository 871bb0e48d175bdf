package cn.dangjian.member.bulk;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import java.util.Map;

/** Problems with an upload as a whole: answered before any row is looked at. */
final class FileProblems {

  private FileProblems() {}

  /** 400 with a {@code rule} naming what is wrong with the file. */
  static ProblemException badFile(String rule, String messageKey, Object... args) {
    return new ProblemException(ProblemType.BAD_REQUEST, messageKey, args, Map.of("rule", rule));
  }

  /** 415: not a file type the import reads. */
  static ProblemException unsupported(String rule, String messageKey, Object... args) {
    return new ProblemException(
        ProblemType.UNSUPPORTED_MEDIA_TYPE, messageKey, args, Map.of("rule", rule));
  }
}
