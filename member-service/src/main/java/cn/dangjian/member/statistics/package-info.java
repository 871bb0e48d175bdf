/**
 * 党内统计 and leadership statistics: a read model fed only by events (member.events and the other
 * services' topics), with figures for any subtree as of any month-end, flows in a period, the
 * annual report tables and the overview of the console home page and the 大屏. Public API: {@link
 * cn.dangjian.member.statistics.StatisticsController} (REST only).
 */
package cn.dangjian.member.statistics;
