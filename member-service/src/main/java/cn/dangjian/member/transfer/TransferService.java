package cn.dangjian.member.transfer;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.member.approval.Approvals;
import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.member.transfer.TransferRequests.Issue;
import cn.dangjian.member.transfer.TransferRequests.RequestTransfer;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of organisational relationship. The sending branch approves, issues the letter and
 * stays responsible until the receiving branch receives; the member's org changes on receipt.
 */
@Service
public class TransferService {

  private static final List<TransferStatus> OPEN =
      List.of(TransferStatus.REQUESTED, TransferStatus.APPROVED_OUT, TransferStatus.IN_TRANSIT);

  private final TransferRepository transfers;
  private final MemberService members;
  private final OrgService orgs;
  private final OrgStructureService structure;
  private final DomainEventPublisher events;
  private final org.springframework.context.ApplicationEventPublisher localEvents;
  private final Approvals approvals;
  private final Clock clock;

  TransferService(
      TransferRepository transfers,
      MemberService members,
      OrgService orgs,
      OrgStructureService structure,
      DomainEventPublisher events,
      org.springframework.context.ApplicationEventPublisher localEvents,
      Approvals approvals,
      Clock clock) {
    this.localEvents = localEvents;
    this.transfers = transfers;
    this.members = members;
    this.orgs = orgs;
    this.structure = structure;
    this.events = events;
    this.approvals = approvals;
    this.clock = clock;
  }

  @Transactional
  public Transfer request(RequestTransfer r, DataScope scope) {
    Member member = members.get(r.memberId(), scope);
    TransferRules.checkMember(
        member.getStage(),
        member.getStatus(),
        transfers.existsByMemberIdAndStatusIn(member.getId(), OPEN));
    Transfer transfer =
        switch (r.direction()) {
          case INTERNAL -> {
            if (r.toOrgId() == null) {
              throw ProblemException.badRequest("transfer.destination-required");
            }
            // The destination may lie outside the requester's subtree (another county).
            Org to = orgs.get(r.toOrgId(), DataScope.all());
            TransferRules.checkDestination(to.getOrgType(), to.getId().equals(member.getOrgId()));
            yield new Transfer(
                member.getId(),
                r.direction(),
                member.getOrgId(),
                member.getOrgPath(),
                to.getId(),
                to.getPath(),
                null,
                null,
                TransferStatus.REQUESTED,
                r.reason().strip(),
                r.requestedOn(),
                clock.instant());
          }
          case OUTBOUND -> {
            requireExternal(r.externalOrg());
            yield new Transfer(
                member.getId(),
                r.direction(),
                member.getOrgId(),
                member.getOrgPath(),
                null,
                null,
                r.externalOrg().strip(),
                null,
                TransferStatus.REQUESTED,
                r.reason().strip(),
                r.requestedOn(),
                clock.instant());
          }
          case INBOUND -> {
            requireExternal(r.externalOrg());
            if (r.letterNo() == null || r.letterNo().isBlank()) {
              throw ProblemException.badRequest("transfer.letter-required");
            }
            // The letter has arrived: the receiving branch registered the member and records it.
            Transfer inbound =
                new Transfer(
                    member.getId(),
                    r.direction(),
                    null,
                    null,
                    member.getOrgId(),
                    member.getOrgPath(),
                    r.externalOrg().strip(),
                    r.letterNo().strip(),
                    TransferStatus.IN_TRANSIT,
                    r.reason().strip(),
                    r.requestedOn(),
                    clock.instant());
            yield inbound;
          }
        };
    transfers.save(transfer);
    publish(transfer, member, r.requestedOn());
    return transfer;
  }

  @Transactional
  public Transfer approveOut(UUID id, LocalDate on, DataScope scope) {
    Transfer t = sendingSide(id, scope);
    t.approveOut(on, clock.instant());
    return published(t, on);
  }

  /**
   * The letter is issued by the sending 基层党委 (转出党委开具) when the member leaves it — out of the system
   * or to a branch under another 党委; within one 党委 the branch issues it.
   */
  @Transactional
  public Transfer issue(UUID id, Issue issue, Caller caller, DataScope scope) {
    Transfer t = sendingSide(id, scope);
    if (t.getDirection() == TransferDirection.OUTBOUND || crossesCommittees(t)) {
      approvals.requireDecider(
          caller, scope, List.of(DecidingBody.PRIMARY_COMMITTEE), t.getFromOrgPath());
    }
    t.issue(
        issue.on(),
        issue.letterNo().strip(),
        TransferRules.validUntil(issue.on(), issue.validDays()),
        clock.instant());
    return published(t, issue.on());
  }

  /**
   * Receipt moves the relationship: the member now belongs to the receiving branch. A member coming
   * from outside or from another 党委 is received by the receiving 基层党委 (接收党委审核).
   */
  @Transactional
  public Transfer receive(UUID id, LocalDate on, Caller caller, DataScope scope) {
    Transfer t = visible(id, scope);
    boolean outbound = t.getDirection() == TransferDirection.OUTBOUND;
    requireSide(receivingPath(t), scope);
    if (t.getDirection() == TransferDirection.INBOUND || crossesCommittees(t)) {
      approvals.requireDecider(
          caller, scope, List.of(DecidingBody.PRIMARY_COMMITTEE), t.getToOrgPath());
    }
    if (t.getStatus() == TransferStatus.IN_TRANSIT) {
      TransferRules.checkStillValid(t.getValidUntil(), on);
    }
    t.receive(on, clock.instant());
    Member member = members.get(t.getMemberId(), DataScope.all());
    if (t.getDirection() == TransferDirection.INTERNAL) {
      Org to = orgs.get(t.getToOrgId(), DataScope.all());
      member.relocate(to.getId(), to.getPath(), clock.instant());
      structure.recheck(t.getFromOrgId());
      structure.recheck(to.getId());
    } else if (outbound) {
      member.transferredOut(on, clock.instant());
      structure.recheck(t.getFromOrgId());
    }
    publish(t, member, on);
    localEvents.publishEvent(new cn.dangjian.member.person.MemberRelocated(member.getId()));
    return t;
  }

  /** Only the receiving side closes the transfer; the sending side must not mark it done. */
  @Transactional
  public Transfer complete(UUID id, LocalDate on, DataScope scope) {
    Transfer t = visible(id, scope);
    requireSide(receivingPath(t), scope);
    t.complete(on, clock.instant());
    return published(t, on);
  }

  /** The side that started the transfer may revoke it before receipt. */
  @Transactional
  public Transfer revoke(UUID id, String reason, DataScope scope) {
    Transfer t = visible(id, scope);
    requireSide(
        t.getDirection() == TransferDirection.INBOUND ? t.getToOrgPath() : t.getFromOrgPath(),
        scope);
    t.close(TransferStatus.REVOKED, reason.strip(), clock.instant());
    return published(t, members.today());
  }

  @Transactional
  public Transfer reject(UUID id, String reason, DataScope scope) {
    Transfer t = receivingSide(id, scope);
    t.close(TransferStatus.REJECTED, reason.strip(), clock.instant());
    return published(t, members.today());
  }

  @Transactional(readOnly = true)
  public Transfer get(UUID id, DataScope scope) {
    return visible(id, scope);
  }

  @Transactional(readOnly = true)
  public Page<Transfer> search(
      DataScope scope, TransferStatus status, UUID memberId, Pageable pageable) {
    return switch (scope.kind()) {
      case NOTHING -> Page.empty(pageable);
      case SELF -> transfers.search(null, status, scope.selfMemberId(), pageable);
      case ALL -> transfers.search(null, status, memberId, pageable);
      case SUBTREE -> transfers.search(scope.pathPrefix(), status, memberId, pageable);
    };
  }

  private Transfer published(Transfer t, LocalDate on) {
    publish(t, members.get(t.getMemberId(), DataScope.all()), on);
    return t;
  }

  private void publish(Transfer t, Member member, LocalDate on) {
    events.publish(
        EventTypes.MEMBER_TRANSFER_CHANGED,
        member.getId().toString(),
        member.getOrgPath(),
        new TransferChanged(
            t.getId(),
            member.getId(),
            t.getDirection().name(),
            t.getFromOrgId(),
            t.getToOrgId(),
            t.getStatus().name(),
            on,
            t.getValidUntil(),
            member.getOrgPath()));
  }

  /** An internal transfer between branches of different 基层党委. */
  private boolean crossesCommittees(Transfer t) {
    return t.getDirection() == TransferDirection.INTERNAL
        && !approvals
            .decidingOrg(DecidingBody.PRIMARY_COMMITTEE, t.getFromOrgPath())
            .equals(approvals.decidingOrg(DecidingBody.PRIMARY_COMMITTEE, t.getToOrgPath()));
  }

  private Transfer sendingSide(UUID id, DataScope scope) {
    Transfer t = visible(id, scope);
    requireSide(t.getFromOrgPath(), scope);
    return t;
  }

  private Transfer receivingSide(UUID id, DataScope scope) {
    Transfer t = visible(id, scope);
    requireSide(t.getToOrgPath(), scope);
    return t;
  }

  /**
   * Where the relationship is received: the destination branch, or for a transfer out of the
   * platform the sending branch, which records the receipt on the outside organisation's behalf.
   */
  private static String receivingPath(Transfer t) {
    return t.getDirection() == TransferDirection.OUTBOUND ? t.getFromOrgPath() : t.getToOrgPath();
  }

  private static void requireSide(String path, DataScope scope) {
    if (path == null || !scope.coversPath(path)) {
      throw ProblemException.forbidden("transfer.other-side");
    }
  }

  /** Either side may see a transfer; anyone else gets 404. */
  private Transfer visible(UUID id, DataScope scope) {
    return transfers
        .findById(id)
        .filter(
            t ->
                (t.getFromOrgPath() != null && scope.coversPath(t.getFromOrgPath()))
                    || (t.getToOrgPath() != null && scope.coversPath(t.getToOrgPath()))
                    || (scope.kind() == DataScope.Kind.SELF
                        && t.getMemberId().equals(scope.selfMemberId())))
        .orElseThrow(() -> ProblemException.notFound("transfer.not-found", id));
  }

  private static void requireExternal(String externalOrg) {
    if (externalOrg == null || externalOrg.isBlank()) {
      throw ProblemException.badRequest("transfer.external-org-required");
    }
  }
}
