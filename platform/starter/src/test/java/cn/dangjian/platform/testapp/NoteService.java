package cn.dangjian.platform.testapp;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class NoteService {

  private final NoteRepository notes;
  private final DomainEventPublisher events;

  private final EntityManager entityManager;
  private final DataSource dataSource;

  NoteService(
      NoteRepository notes,
      DomainEventPublisher events,
      EntityManager entityManager,
      DataSource dataSource) {
    this.notes = notes;
    this.events = events;
    this.entityManager = entityManager;
    this.dataSource = dataSource;
  }

  /**
   * Writes, then has the server kill this transaction's connection before the commit — what a
   * database restart does to a request caught in the middle (the fault suite saw a 500 there).
   */
  @Transactional
  public Note createAndLoseTheConnectionBeforeCommit(String title, int pages) {
    Note note = notes.saveAndFlush(new Note(title, pages));
    killThisTransactionsConnection();
    return note;
  }

  /** Has the server kill this transaction's connection before it writes. */
  @Transactional
  public Note loseTheConnectionThenCreate(String title, int pages) {
    killThisTransactionsConnection();
    return notes.saveAndFlush(new Note(title, pages));
  }

  /** Asks the server, over another connection, to kill the one this transaction holds. */
  private void killThisTransactionsConnection() {
    Number connectionId =
        (Number) entityManager.createNativeQuery("SELECT CONNECTION_ID()").getSingleResult();
    try (Connection other = dataSource.getConnection();
        Statement kill = other.createStatement()) {
      kill.execute("KILL CONNECTION " + connectionId.longValue());
    } catch (SQLException e) {
      throw new IllegalStateException("could not kill the connection", e);
    }
  }

  @Transactional
  public Note create(String title, int pages, boolean failAfterPublishing) {
    Note note = notes.save(new Note(title, pages));
    events.publish(
        EventTypes.ORG_CREATED,
        note.getId().toString(),
        "/" + note.getId() + "/",
        new OrgCreated(note.getId(), null, title, "BRANCH", "/" + note.getId() + "/"));
    if (failAfterPublishing) {
      throw new IllegalStateException("simulated failure after publishing");
    }
    return note;
  }

  @Transactional
  public Note rename(UUID id, String title, long expectedVersion) {
    Note note =
        notes.findById(id).orElseThrow(() -> ProblemException.notFound("note.not-found", id));
    if (note.getVersion() != expectedVersion) {
      throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Note.class, id);
    }
    note.rename(title);
    return note;
  }
}
