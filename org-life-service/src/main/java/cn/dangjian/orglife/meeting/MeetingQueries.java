package cn.dangjian.orglife.meeting;

import cn.dangjian.orglife.formalism.FormalismChecker;
import cn.dangjian.orglife.meeting.MeetingRequests.MeetingSummary;
import cn.dangjian.orglife.meeting.MeetingRequests.MeetingView;
import cn.dangjian.orglife.meeting.MeetingRequests.RevisionView;
import cn.dangjian.platform.persistence.Uuids;
import cn.dangjian.platform.scope.DataScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading meetings in the caller's scope; {@link #get} is what other features (attachments) use to
 * find a meeting they may touch.
 */
@Service
@NamedInterface("lookup")
public class MeetingQueries {

  private final MeetingAccess access;
  private final MeetingRepository meetings;
  private final MeetingViews views;
  private final RevisionStore revisions;
  private final FormalismChecker formalism;

  MeetingQueries(
      MeetingAccess access,
      MeetingRepository meetings,
      MeetingViews views,
      RevisionStore revisions,
      FormalismChecker formalism) {
    this.access = access;
    this.meetings = meetings;
    this.views = views;
    this.revisions = revisions;
    this.formalism = formalism;
  }

  @Transactional(readOnly = true)
  public Meeting get(UUID id, DataScope scope) {
    return access.visible(id, scope);
  }

  @Transactional(readOnly = true)
  public MeetingView view(UUID id, DataScope scope) {
    return views.view(access.visible(id, scope));
  }

  @Transactional(readOnly = true)
  public List<RevisionView> revisions(UUID id, DataScope scope) {
    access.visible(id, scope);
    return revisions.of(id);
  }

  @Transactional(readOnly = true)
  public Page<MeetingSummary> search(
      DataScope scope,
      UUID orgId,
      MeetingType type,
      MeetingStatus status,
      LocalDate from,
      LocalDate to,
      Pageable pageable) {
    Page<Meeting> page =
        switch (scope.kind()) {
          case NOTHING -> Page.empty(pageable);
          case SELF ->
              meetings.attendedBy(
                  Uuids.bytes(scope.selfMemberId()),
                  PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
          case ALL, SUBTREE ->
              meetings.search(scope.pathPrefix(), orgId, type, status, from, to, pageable);
        };
    Map<UUID, Integer> flags =
        formalism.flagCounts(page.getContent().stream().map(Meeting::getId).toList());
    return page.map(m -> MeetingViews.summary(m, flags.getOrDefault(m.getId(), 0)));
  }
}
