package cn.dangjian.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Semaphore;

/**
 * One Keycloak start (unzip, augmentation) at a time per cache directory: a permit within this JVM,
 * a file lock next to the cache directory across processes. Held from launch until the realm
 * answers (or the start fails).
 */
final class KeycloakStartLock {

  private static final Semaphore IN_PROCESS_LOCK = new Semaphore(1);

  private final Path cacheDir;

  private FileChannel lockChannel;
  private FileLock startLock;
  private boolean holdsPermit;

  KeycloakStartLock(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  void acquire() {
    IN_PROCESS_LOCK.acquireUninterruptibly();
    synchronized (this) {
      holdsPermit = true;
    }
    try {
      Files.createDirectories(cacheDir.getParent());
      Path lockFile = cacheDir.resolveSibling(cacheDir.getFileName() + ".lock");
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      startLock = lockChannel.lock();
    } catch (IOException e) {
      release();
      throw new UncheckedIOException("Cannot lock the Keycloak cache directory", e);
    } catch (RuntimeException e) {
      release();
      throw e;
    }
  }

  /** Idempotent: releases whatever is held. */
  synchronized void release() {
    try {
      if (startLock != null) {
        startLock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      // ignore: closing the channel releases the lock anyway
    } finally {
      startLock = null;
      lockChannel = null;
      if (holdsPermit) {
        holdsPermit = false;
        IN_PROCESS_LOCK.release();
      }
    }
  }
}
