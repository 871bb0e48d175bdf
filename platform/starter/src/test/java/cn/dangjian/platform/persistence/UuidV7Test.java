package cn.dangjian.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UuidV7Test {

  @Test
  void anIdIsVersion7WithTheIetfVariantAndCarriesItsMillisecond() {
    long millis = 1_764_547_200_000L; // 2025-12-01T00:00:00Z
    UUID id = UuidV7.at(millis);

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnesSoInsertsAppendToTheIndex() {
    UUID earlier = UuidV7.at(1_000_000L);
    UUID later = UuidV7.at(1_000_001L);

    assertThat(later.toString()).isGreaterThan(earlier.toString());
  }

  @Test
  void eightThreadsMakingIdsInTheSameMillisecondsGetNoDuplicate() throws Exception {
    Set<UUID> seen = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 25_000; i++) {
                  seen.add(UuidV7.next());
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    threads.shutdown();

    assertThat(seen).hasSize(200_000);
  }
}
