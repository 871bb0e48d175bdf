package cn.dangjian.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/notes")
class NoteController {

  record CreateNote(@NotBlank @Size(max = 50) String title, @Min(1) @Max(500) int pages) {}

  record DatedNote(@NotBlank String title, LocalDate due, YearMonth effectiveMonth) {}

  record RenameNote(@NotBlank String title, long version) {}

  record NoteView(UUID id, String title, int pages, long version) {
    static NoteView of(Note note) {
      return new NoteView(note.getId(), note.getTitle(), note.getPages(), note.getVersion());
    }
  }

  private final NoteService service;
  private final NoteRepository notes;

  NoteController(NoteService service, NoteRepository notes) {
    this.service = service;
    this.notes = notes;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  NoteView create(@Valid @RequestBody CreateNote request) {
    return NoteView.of(service.create(request.title(), request.pages(), false));
  }

  @PostMapping("/dated")
  DatedNote dated(@Valid @RequestBody DatedNote request) {
    return request;
  }

  @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Long> attach(@RequestPart("file") MultipartFile file) {
    return Map.of("size", file.getSize());
  }

  @GetMapping("/due")
  Map<String, String> due(@RequestParam(required = false) LocalDate asOf, YearMonth month) {
    return Map.of("asOf", String.valueOf(asOf), "month", String.valueOf(month));
  }

  @PostMapping("/failing")
  NoteView createThenFail(@Valid @RequestBody CreateNote request) {
    return NoteView.of(service.create(request.title(), request.pages(), true));
  }

  @PostMapping("/deadlocked")
  NoteView createThenDeadlock(@Valid @RequestBody CreateNote request) {
    throw new org.springframework.dao.CannotAcquireLockException(
        "Deadlock found when trying to get lock; SQL [INSERT INTO note ...]");
  }

  @PostMapping("/database-down")
  NoteView createWhileTheDatabaseIsDown(@Valid @RequestBody CreateNote request) {
    throw new org.springframework.transaction.CannotCreateTransactionException(
        "Could not open JPA EntityManager for transaction",
        new org.springframework.jdbc.CannotGetJdbcConnectionException(
            "Communications link failure to jdbc:mysql://mysql:3306/member_db"));
  }

  @PostMapping("/connection-lost-before-commit")
  NoteView createAndLoseTheConnection(@Valid @RequestBody CreateNote request) {
    return NoteView.of(
        service.createAndLoseTheConnectionBeforeCommit(request.title(), request.pages()));
  }

  @PostMapping("/connection-lost-mid-transaction")
  NoteView loseTheConnectionThenCreate(@Valid @RequestBody CreateNote request) {
    return NoteView.of(service.loseTheConnectionThenCreate(request.title(), request.pages()));
  }

  @GetMapping("/{id}")
  NoteView get(@PathVariable UUID id) {
    return notes
        .findById(id)
        .map(NoteView::of)
        .orElseThrow(
            () -> cn.dangjian.platform.problem.ProblemException.notFound("note.not-found", id));
  }

  @PutMapping("/{id}")
  NoteView rename(@PathVariable UUID id, @Valid @RequestBody RenameNote request) {
    return NoteView.of(service.rename(id, request.title(), request.version()));
  }

  /** Answers the version the client sent in If-Match (a conditional write, minus the write). */
  @PostMapping("/{id}/touch")
  long touch(@PathVariable UUID id, cn.dangjian.platform.web.ExpectedVersion expected) {
    return expected.value();
  }

  @PostMapping("/admin-only")
  @PreAuthorize("hasRole('platform-admin')")
  String adminOnly() {
    return "ok";
  }
}
