package cn.dangjian.alert.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What alert-service knows of a member's seat on a committee (committee.changed) and of the
 * concentrated training and rotation credited to them (orglife.training-credited kinds).
 *
 * @param committeeMember sits on some org's committee (secretary included)
 * @param secretary is the secretary of some org
 * @param secretarySince the day they took the post, through consecutive terms (null: unknown)
 * @param lastFormalTrainingOn the latest CONCENTRATED or ROTATION credit
 * @param lastRotationOn the latest ROTATION (集中轮训) credit
 */
public record LeaderFacts(
    boolean committeeMember,
    boolean secretary,
    @Nullable LocalDate secretarySince,
    @Nullable LocalDate lastFormalTrainingOn,
    @Nullable LocalDate lastRotationOn) {

  public static final LeaderFacts NONE = new LeaderFacts(false, false, null, null, null);
}
