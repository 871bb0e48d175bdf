package cn.dangjian.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The Flyway migrations inside a service fat jar (its own {@code db/**} and those of the {@code
 * dangjian-*} jars it nests), by name and content hash. A loaded benchmark schema can be reused
 * with a newer jar only if every migration it was built with is still there unchanged; new ones are
 * applied on top (out of order if need be). Renamed or edited migrations force a reload.
 */
public record MigrationSet(Map<String, String> files) {

  public static MigrationSet of(Path jar) {
    Map<String, String> files = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        String name = entry.getName();
        if (name.startsWith("BOOT-INF/classes/db/") && name.endsWith(".sql")) {
          try (InputStream in = zip.getInputStream(entry)) {
            files.put(name.substring("BOOT-INF/classes/".length()), hash(in));
          }
        } else if (name.startsWith("BOOT-INF/lib/dangjian-") && name.endsWith(".jar")) {
          try (ZipInputStream nested = new ZipInputStream(zip.getInputStream(entry))) {
            for (ZipEntry e = nested.getNextEntry(); e != null; e = nested.getNextEntry()) {
              if (e.getName().startsWith("db/") && e.getName().endsWith(".sql")) {
                files.put(e.getName(), hash(nested));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the migrations in " + jar, e);
    }
    return new MigrationSet(files);
  }

  public static MigrationSet parse(String encoded) {
    Map<String, String> files = new TreeMap<>();
    if (encoded != null && !encoded.isBlank()) {
      for (String part : encoded.split(";")) {
        int eq = part.indexOf('=');
        files.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return new MigrationSet(files);
  }

  public String encode() {
    List<String> parts = new ArrayList<>();
    files.forEach((name, hash) -> parts.add(name + "=" + hash));
    return String.join(";", parts);
  }

  /** What of {@code applied} this set no longer has unchanged (empty: the schema can be reused). */
  public List<String> missingOrChanged(MigrationSet applied) {
    List<String> problems = new ArrayList<>();
    applied.files.forEach(
        (name, hash) -> {
          String now = files.get(name);
          if (now == null) {
            problems.add(name + " (gone)");
          } else if (!now.equals(hash)) {
            problems.add(name + " (changed)");
          }
        });
    return problems;
  }

  private static String hash(InputStream in) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(in.readAllBytes());
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
