package cn.dangjian.orglife.meeting;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.orglife.meeting.MeetingRequests.ResolutionView;
import cn.dangjian.platform.persistence.UuidV7;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A meeting's resolutions and their vote counts. */
@Repository
class ResolutionStore {

  private final JdbcTemplate jdbc;

  ResolutionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void replace(UUID meetingId, List<ResolutionView> resolutions) {
    jdbc.update("DELETE FROM meeting_resolution WHERE meeting_id = ?", (Object) bytes(meetingId));
    List<Object[]> rows = new ArrayList<>();
    for (ResolutionView r : resolutions) {
      rows.add(
          new Object[] {
            bytes(UuidV7.next()),
            bytes(meetingId),
            r.seq(),
            r.title(),
            r.decision(),
            r.entitled(),
            r.excluded(),
            r.present(),
            r.approve(),
            r.oppose(),
            r.abstain()
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO meeting_resolution (id, meeting_id, seq, title, decision, entitled, excluded,"
            + " present, approve, oppose, abstain) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows);
  }

  List<ResolutionView> of(UUID meetingId) {
    return jdbc.query(
        "SELECT seq, title, decision, entitled, excluded, present, approve, oppose, abstain FROM"
            + " meeting_resolution WHERE meeting_id = ? ORDER BY seq",
        (rs, n) ->
            new ResolutionView(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9)),
        (Object) bytes(meetingId));
  }
}
