package cn.dangjian.member.committee;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One vote of the 党员大会 as recorded, valid or not; an invalid one stays next to the re-run. */
@Entity
@Table(name = "committee_election_round")
public class ElectionRound {

  @Id private UUID id;

  @Column(name = "election_id")
  private UUID electionId;

  @Column(name = "held_on")
  private LocalDate heldOn;

  private int entitled;
  private int present;

  @Column(name = "ballots_cast")
  private Integer ballotsCast;

  private boolean valid;

  @Column(name = "invalid_rule")
  private String invalidRule;

  /** "memberId:count", comma separated, in the order given. */
  private String votes;

  /** Member ids, comma separated, most votes first. */
  private String elected;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected ElectionRound() {}

  ElectionRound(
      UUID electionId,
      LocalDate heldOn,
      int entitled,
      int present,
      Integer ballotsCast,
      String invalidRule,
      Map<UUID, Integer> votes,
      List<UUID> elected,
      String recordedBy,
      Instant now) {
    this.id = UuidV7.next();
    this.electionId = electionId;
    this.heldOn = heldOn;
    this.entitled = entitled;
    this.present = present;
    this.ballotsCast = ballotsCast;
    this.valid = invalidRule == null;
    this.invalidRule = invalidRule;
    this.votes =
        votes.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(","));
    this.elected = Election.join(elected);
    this.recordedBy = recordedBy;
    this.recordedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public int getEntitled() {
    return entitled;
  }

  public int getPresent() {
    return present;
  }

  public Integer getBallotsCast() {
    return ballotsCast;
  }

  public boolean isValid() {
    return valid;
  }

  public String getInvalidRule() {
    return invalidRule;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public Map<UUID, Integer> votes() {
    Map<UUID, Integer> map = new LinkedHashMap<>();
    if (votes != null && !votes.isBlank()) {
      Arrays.stream(votes.split(","))
          .map(pair -> pair.split(":"))
          .forEach(p -> map.put(UUID.fromString(p[0]), Integer.valueOf(p[1])));
    }
    return map;
  }

  public List<UUID> elected() {
    return Election.split(elected);
  }
}
