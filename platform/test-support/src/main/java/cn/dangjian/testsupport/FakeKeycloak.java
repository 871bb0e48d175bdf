package cn.dangjian.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for Keycloak's JWKS inside one service's tests: serves the realm's public key from
 * WireMock and mints RS256 tokens shaped like the real realm's (realm_access.roles, org_id,
 * member_id, aud). The end-to-end tests use the real Keycloak instead.
 */
public final class FakeKeycloak implements AutoCloseable {

  public static final String REALM = "dangjian";
  public static final String AUDIENCE = "dangjian-api";

  private final WireMockServer server;
  private final RSAKey signingKey;
  private final RSAKey foreignKey;

  private FakeKeycloak(WireMockServer server, RSAKey signingKey, RSAKey foreignKey) {
    this.server = server;
    this.signingKey = signingKey;
    this.foreignKey = foreignKey;
  }

  public static FakeKeycloak start() {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      RSAKey foreign = new RSAKeyGenerator(2048).keyID("test-key").generate();
      WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      server.start();
      server.stubFor(
          get(urlEqualTo("/realms/" + REALM + "/protocol/openid-connect/certs"))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(new JWKSet(key.toPublicJWK()).toString())));
      return new FakeKeycloak(server, key, foreign);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a test signing key", e);
    }
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.port() + "/realms/" + REALM;
  }

  public String jwkSetUri() {
    return issuer() + "/protocol/openid-connect/certs";
  }

  /** Properties a Spring Boot resource server needs to trust this fake. */
  public Map<String, String> resourceServerProperties() {
    return Map.of(
        "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri());
  }

  public TokenBuilder token() {
    return new TokenBuilder();
  }

  /** The underlying WireMock, for tests that stub another service's API on the same server. */
  public WireMockServer wireMock() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Builds one signed access token. Defaults: valid for 5 minutes, audience dangjian-api. */
  public final class TokenBuilder {
    private final List<String> roles = new ArrayList<>();
    private String subject = UUID.randomUUID().toString();
    private String username = "test-user";
    private UUID orgId;
    private UUID memberId;
    private String issuer = FakeKeycloak.this.issuer();
    private String audience = AUDIENCE;
    private Duration lifetime = Duration.ofMinutes(5);
    private boolean foreign;

    public TokenBuilder roles(String... roleNames) {
      roles.addAll(List.of(roleNames));
      return this;
    }

    public TokenBuilder orgId(UUID value) {
      this.orgId = value;
      return this;
    }

    public TokenBuilder memberId(UUID value) {
      this.memberId = value;
      return this;
    }

    public TokenBuilder username(String value) {
      this.username = value;
      return this;
    }

    public TokenBuilder subject(String value) {
      this.subject = value;
      return this;
    }

    public TokenBuilder issuer(String value) {
      this.issuer = value;
      return this;
    }

    public TokenBuilder audience(String value) {
      this.audience = value;
      return this;
    }

    /** A negative lifetime yields an already expired token. */
    public TokenBuilder lifetime(Duration value) {
      this.lifetime = value;
      return this;
    }

    /** Signs with a key the JWKS does not publish. */
    public TokenBuilder signedWithForeignKey() {
      this.foreign = true;
      return this;
    }

    public String build() {
      Instant now = Instant.now();
      JWTClaimsSet.Builder claims =
          new JWTClaimsSet.Builder()
              .jwtID(UUID.randomUUID().toString())
              .issuer(issuer)
              .subject(subject)
              .audience(audience)
              .issueTime(Date.from(now.minusSeconds(1)))
              .expirationTime(Date.from(now.plus(lifetime)))
              .claim("preferred_username", username)
              .claim("azp", "dangjian-web")
              .claim("realm_access", Map.of("roles", List.copyOf(roles)));
      if (orgId != null) {
        claims.claim("org_id", orgId.toString());
      }
      if (memberId != null) {
        claims.claim("member_id", memberId.toString());
      }
      RSAKey key = foreign ? foreignKey : signingKey;
      try {
        SignedJWT jwt =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException("cannot sign a test token", e);
      }
    }
  }
}
