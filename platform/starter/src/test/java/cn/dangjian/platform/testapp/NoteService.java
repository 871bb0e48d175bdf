package cn.dangjian.platform.testapp;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class NoteService {

  private final NoteRepository notes;
  private final DomainEventPublisher events;

  NoteService(NoteRepository notes, DomainEventPublisher events) {
    this.notes = notes;
    this.events = events;
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
