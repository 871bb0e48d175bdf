package cn.dangjian.member.person;

import cn.dangjian.member.org.OrgService;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.jobs.JobType;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The go-live backfill of the 党内统计: {@code member.classified} for every member and {@code
 * org.classified} for every organisation of a subtree (or all), as a job ({@value #KIND}). Each
 * batch of {@value #BATCH} is its own transaction, so the outbox never holds one huge commit and a
 * cut-off run simply runs again (consumers keep the latest classification: sending one twice is
 * harmless).
 */
@Configuration
public class ClassificationRepublication {

  static final String KIND = "classification-republish";
  static final int BATCH = 1000;

  private final MemberRepository members;
  private final MemberService memberService;
  private final OrgService orgs;
  private final TransactionTemplate tx;

  ClassificationRepublication(
      MemberRepository members,
      MemberService memberService,
      OrgService orgs,
      PlatformTransactionManager transactions) {
    this.members = members;
    this.memberService = memberService;
    this.orgs = orgs;
    this.tx = new TransactionTemplate(transactions);
  }

  /**
   * @param pathPrefix the subtree, or null for the whole platform
   * @param requestedBy who started it
   */
  public record Request(@Nullable String pathPrefix, String requestedBy) {}

  /**
   * @param members {@code member.classified} events published
   * @param orgs {@code org.classified} events published
   */
  public record Result(long members, long orgs) {}

  /** Resumable (publishing again is harmless) and cancellable between batches. */
  @Bean
  JobType<Request> classificationRepublishJob() {
    return new JobType<>(KIND, Request.class, true, true, this::run);
  }

  Result run(Request request, JobContext context) {
    String prefix = request.pathPrefix();
    long memberCount = 0;
    UUID after = new UUID(0L, 0L);
    while (true) {
      context.checkCancelled();
      UUID from = after;
      List<Member> batch =
          tx.execute(
              status -> {
                List<Member> rows = members.pageAfter(from, prefix, PageRequest.ofSize(BATCH));
                rows.forEach(memberService::publishClassified);
                return rows;
              });
      memberCount += batch.size();
      context.progress(memberCount, null, "members");
      if (batch.size() < BATCH) {
        break;
      }
      after = batch.get(batch.size() - 1).getId();
    }
    long orgCount = 0;
    String afterPath = "";
    while (true) {
      context.checkCancelled();
      OrgService.Republished batch = orgs.republishClassified(prefix, afterPath, BATCH);
      orgCount += batch.count();
      context.progress(orgCount, null, "orgs");
      if (batch.count() < BATCH) {
        break;
      }
      afterPath = batch.lastPath();
    }
    return new Result(memberCount, orgCount);
  }
}
