package cn.dangjian.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The personal-data keys of the benchmark schema: generated once per machine user into {@code
 * ~/.config/dangjian/bench-keys.properties} (owner-only, never in the repository), like devstack's
 * keys, and handed to the service through its environment. The loaded data is synthetic; a key
 * check stored with the data tells the loader when the keys changed and the schema must be
 * reloaded.
 */
public record BenchKeys(byte[] encryptionKey, byte[] hashKey) {

  public static BenchKeys loadOrCreate() {
    Path file =
        Path.of(System.getProperty("user.home"), ".config", "dangjian", "bench-keys.properties");
    try {
      Properties props = new Properties();
      if (Files.isRegularFile(file)) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          props.load(reader);
        }
      } else {
        SecureRandom random = new SecureRandom();
        byte[] enc = new byte[32];
        byte[] hash = new byte[32];
        random.nextBytes(enc);
        random.nextBytes(hash);
        props.setProperty("encryption-key", Base64.getEncoder().encodeToString(enc));
        props.setProperty("hash-key", Base64.getEncoder().encodeToString(hash));
        Files.createDirectories(file.getParent());
        Files.createFile(file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          props.store(writer, "member-service benchmark keys (synthetic data only)");
        }
      }
      return new BenchKeys(
          Base64.getDecoder().decode(props.getProperty("encryption-key")),
          Base64.getDecoder().decode(props.getProperty("hash-key")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  public String encryptionKeyBase64() {
    return Base64.getEncoder().encodeToString(encryptionKey);
  }

  public String hashKeyBase64() {
    return Base64.getEncoder().encodeToString(hashKey);
  }

  /** The environment member-service reads its ID-number and phone keys from. */
  public Map<String, String> memberServiceEnvironment() {
    return Map.of(
        "DANGJIAN_PRIVACY_ENCRYPTION_KEY", encryptionKeyBase64(),
        "DANGJIAN_PRIVACY_HASH_KEY", hashKeyBase64());
  }
}
