package cn.dangjian.member.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param suppressBelow counts of people from 1 to this minus 1 are hidden from integration clients
 *     (statistical disclosure control); 0 hides nothing
 */
@ConfigurationProperties("dangjian.statistics")
record StatisticsProperties(@DefaultValue("0") int suppressBelow) {}
