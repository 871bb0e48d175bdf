package cn.dangjian.alert.notification;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices driven by time rather than by an event: meeting reminders (due 24 h before the start,
 * none for a cancelled meeting), and the daily rules — training hours short in Q4 (once per member
 * and year), the branch's arrears list for its secretary (once per month), letters past validity.
 * Each notice has its dedup key, so running a job twice tells nobody twice.
 */
@Component
class NotificationJobs {

  private static final int CHUNK = 1000;

  private final Notifier notifier;
  private final ScheduleStore schedule;
  private final RecipientQueries recipients;
  private final RuleCatalogue catalogue;
  private final TransactionTemplate transactions;
  private final Clock clock;

  NotificationJobs(
      Notifier notifier,
      ScheduleStore schedule,
      RecipientQueries recipients,
      RuleCatalogue catalogue,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.notifier = notifier;
    this.schedule = schedule;
    this.recipients = recipients;
    this.catalogue = catalogue;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Reminders whose time has come; answers how many meetings were reminded. */
  int reminders(Instant now) {
    int done = 0;
    List<ScheduleStore.Meeting> due;
    do {
      due = schedule.remindersDue(now, 100);
      for (ScheduleStore.Meeting m : due) {
        transactions.executeWithoutResult(
            s -> {
              notifier.notify(
                  NotificationKind.MEETING_REMINDER,
                  "MEETING_REMINDER:" + m.meetingId(),
                  null,
                  m.expected(),
                  Map.of(
                      "meetingType", Labels.meetingType(m.meetingType()),
                      "heldOn", m.startsAt().toLocalDate().toString(),
                      "startsAt", Labels.when(m.startsAt())),
                  "/org-life/meetings/" + m.meetingId());
              schedule.reminded(m.meetingId());
            });
        done++;
      }
    } while (due.size() == 100);
    return done;
  }

  void daily() {
    daily(PartyCalendar.today(clock));
  }

  void daily(LocalDate today) {
    if (today.getMonthValue() >= 10) {
      trainingHoursShort(today.getYear());
    }
    arrearsLists(YearMonth.from(today));
    expiredLetters(today);
  }

  void trainingHoursShort(int year) {
    if (!notifier.enabled(NotificationKind.TRAINING_HOURS_SHORT)) {
      return;
    }
    int required = catalogue.memberTrainingHours();
    // ids compare as unsigned bytes in SQL: start below every id (MIN_VALUE is 0x80…, half-way)
    UUID after = new UUID(0L, 0L);
    List<RecipientQueries.HoursShort> chunk;
    do {
      chunk = recipients.trainingShort(year, required, after, CHUNK);
      if (chunk.isEmpty()) {
        break;
      }
      List<Notifier.Recipient> each = new ArrayList<>();
      for (RecipientQueries.HoursShort h : chunk) {
        each.add(
            new Notifier.Recipient(
                h.memberId(),
                Map.of(
                    "year", Integer.toString(year),
                    "hours", h.hours().stripTrailingZeros().toPlainString(),
                    "required", Integer.toString(required))));
      }
      transactions.executeWithoutResult(
          s ->
              notifier.notifyEach(
                  NotificationKind.TRAINING_HOURS_SHORT,
                  "TRAINING_HOURS_SHORT:" + year,
                  null,
                  each,
                  "/org-life/training"));
      after = chunk.get(chunk.size() - 1).memberId();
    } while (chunk.size() == CHUNK);
  }

  void arrearsLists(YearMonth month) {
    for (RecipientQueries.ArrearsList list : recipients.arrearsLists(3)) {
      transactions.executeWithoutResult(
          s ->
              notifier.notify(
                  NotificationKind.DUES_ARREARS_LIST,
                  "DUES_ARREARS_LIST:" + list.orgId() + ":" + month,
                  null,
                  recipients.secretaryOf(list.orgId()).stream().toList(),
                  Map.of("month", month.toString(), "count", Integer.toString(list.members())),
                  "/dues/arrears?orgId=" + list.orgId()));
    }
  }

  void expiredLetters(LocalDate today) {
    for (RecipientQueries.ExpiredLetter letter : recipients.expiredLetters(today)) {
      List<UUID> who = new ArrayList<>();
      who.add(letter.memberId());
      recipients.secretaryOf(letter.orgId()).ifPresent(who::add);
      transactions.executeWithoutResult(
          s ->
              notifier.notify(
                  NotificationKind.TRANSFER_EXPIRED,
                  "TRANSFER_EXPIRED:" + letter.transferId(),
                  null,
                  who,
                  Map.of("validUntil", letter.validUntil().toString()),
                  "/members/transfers/" + letter.transferId()));
    }
  }
}
