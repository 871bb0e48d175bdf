/**
 * 流动党员活动证 (DOMAIN.md §2.4): issued by the home branch for an absence, renewed, reported on yearly
 * and returned. The relationship stays at home; the host sees the member at its meetings without a
 * vote (org-life-service) and may collect dues credited home (dues-service), both from {@code
 * member.mobile-changed}. Public API: {@link cn.dangjian.member.mobile.MobileMembers}.
 */
package cn.dangjian.member.mobile;
