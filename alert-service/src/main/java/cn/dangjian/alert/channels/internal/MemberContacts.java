package cn.dangjian.alert.channels.internal;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.platform.client.ServiceTokens;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Asks member-service for one member's address on one channel, at the moment of sending. The answer
 * is used for this one send and dropped: never stored, never logged.
 */
class MemberContacts {

  /** The address, or why there is none. */
  record Lookup(@Nullable String address, @Nullable String problem, boolean retry) {

    static Lookup found(@Nullable String address) {
      return new Lookup(address, null, false);
    }
  }

  private final RestClient http;
  private final ServiceTokens tokens;
  private final boolean configured;

  MemberContacts(ChannelProperties.Contacts properties, RestClient.Builder builder) {
    this.http = builder.clone().baseUrl(properties.memberServiceUrl()).build();
    this.tokens =
        new ServiceTokens(
            builder.clone().build(),
            properties.keycloakUrl(),
            properties.realm(),
            properties.clientId(),
            properties.clientSecret() == null ? "" : properties.clientSecret(),
            // token lifetimes are wall-clock time
            Clock.systemUTC());
    this.configured = properties.configured();
  }

  boolean configured() {
    return configured;
  }

  Lookup address(ExternalChannel channel, UUID memberId, UUID deliveryId) {
    try {
      return fetch(channel, memberId, deliveryId);
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().value() == 401) {
        // a token Keycloak or member-service no longer accepts: once more with a fresh one
        tokens.invalidate();
        try {
          return fetch(channel, memberId, deliveryId);
        } catch (RestClientException again) {
          return failure(again);
        }
      }
      return failure(e);
    } catch (RestClientException | IllegalStateException e) {
      return failure(e);
    }
  }

  private Lookup fetch(ExternalChannel channel, UUID memberId, UUID deliveryId) {
    JsonNode contacts =
        http.get()
            .uri(
                "/api/members/{id}/contacts?channel={channel}&reason={reason}",
                memberId,
                channel.name(),
                "通知投递 " + deliveryId)
            .header("Authorization", tokens.bearer())
            .retrieve()
            .body(JsonNode.class);
    if (contacts == null) {
      return new Lookup(null, "member-service answered without a body", true);
    }
    String field;
    switch (channel) {
      case WECHAT:
        field = "wechatOpenId";
        break;
      case SMS:
        field = "phone";
        break;
      default:
        field = "email";
    }
    JsonNode value = contacts.get(field);
    return Lookup.found(value == null || value.isNull() ? null : value.asString());
  }

  /** 404: the member is gone (final); anything else may pass (member-service or Keycloak down). */
  private static Lookup failure(Exception e) {
    if (e instanceof RestClientResponseException) {
      HttpStatusCode status = ((RestClientResponseException) e).getStatusCode();
      if (status.value() == 404) {
        return new Lookup(null, "member not found", false);
      }
      return new Lookup(null, "contacts lookup answered " + status.value(), true);
    }
    return new Lookup(null, "contacts lookup failed: " + e.getClass().getSimpleName(), true);
  }
}
