package cn.dangjian.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small helpers for child processes and their log files. */
final class Processes {

  private Processes() {}

  /**
   * Stops a process and all its descendants: SIGTERM to the whole tree, wait up to {@code grace},
   * then kill whatever is left.
   *
   * @return true if everything ended within the grace period
   */
  static boolean stopTree(Process process, Duration grace) {
    if (process == null) {
      return true;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    Collections.reverse(tree); // deepest first
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    boolean graceful = true;
    for (ProcessHandle handle : tree) {
      long remaining = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        graceful = false;
        break;
      } catch (Exception e) {
        graceful = false;
      }
    }
    if (!graceful) {
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return graceful;
  }

  /** The last {@code count} lines of a log file (empty if it does not exist). */
  static List<String> lastLines(Path file, int count) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (Stream<String> lines =
        Files.lines(file, StandardCharsets.UTF_8).map(line -> line.replace('\r', ' '))) {
      List<String> all = lines.collect(Collectors.toList());
      return all.subList(Math.max(0, all.size() - count), all.size());
    } catch (UncheckedIOException | IOException e) {
      try {
        // not UTF-8: read leniently
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        List<String> all = text.lines().toList();
        return all.subList(Math.max(0, all.size() - count), all.size());
      } catch (IOException ignored) {
        return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
      }
    }
  }

  static String indentedTail(Path file, int count) {
    List<String> lines = lastLines(file, count);
    if (lines.isEmpty()) {
      return "  (log is empty)";
    }
    return lines.stream().map(line -> "  | " + line).collect(Collectors.joining("\n"));
  }

  /**
   * Deletes a directory tree without following symbolic links (links are removed, not their
   * targets).
   */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }

  static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
