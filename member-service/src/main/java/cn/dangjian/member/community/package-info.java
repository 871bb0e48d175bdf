/**
 * 在职党员到社区报到 (双报到): a serving member registers with the community 党组织 where they live, the community
 * records the service activities they take part in, the member's own branch sees the participation.
 * Each activity is published as {@code member.community-service-recorded}, an optional source of
 * assessment's automatic indicators. Public API: {@link
 * cn.dangjian.member.community.CommunityRegistrations}.
 */
package cn.dangjian.member.community;
