package cn.dangjian.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets devstack needs (e.g. member-service's personal-data keys): random, generated once per
 * machine user, stored owner-only outside the repository. LOCAL USE ONLY; real deployments inject
 * their keys from a secret store.
 */
final class LocalKeys {

  private static final Path FILE =
      Path.of(System.getProperty("user.home"), ".config", "dangjian", "devstack-keys.properties");

  private LocalKeys() {}

  static synchronized String get(String purpose) {
    Properties keys = new Properties();
    try {
      if (Files.isRegularFile(FILE)) {
        try (Reader in = Files.newBufferedReader(FILE)) {
          keys.load(in);
        }
      }
      String key = keys.getProperty(purpose);
      if (key == null) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = Base64.getEncoder().encodeToString(bytes);
        keys.setProperty(purpose, key);
        Files.createDirectories(FILE.getParent());
        try (Writer out = Files.newBufferedWriter(FILE)) {
          keys.store(
              out, "devstack local-only keys; delete to regenerate (local data is then lost)");
        }
        try {
          Files.setPosixFilePermissions(FILE, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the file keeps the user's default permissions
        }
      }
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or write " + FILE + ": " + e.getMessage(), e);
    }
  }
}
