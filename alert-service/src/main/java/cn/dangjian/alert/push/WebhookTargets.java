package cn.dangjian.alert.push;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a webhook may be sent (SSRF guard): https only (http only if explicitly allowed), and every
 * address the host resolves to must be public: no loopback, private (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7), link-local (169.254/16 incl. cloud metadata, fe80::/10), multicast,
 * unspecified, broadcast, or an IPv6 form embedding one of those (IPv4-mapped/-compatible, 6to4,
 * NAT64). Addresses on the allow-list (tests, devstack) pass. Checked at subscribe and again right
 * before every delivery, so a host that later resolves elsewhere (DNS rebinding) is refused.
 */
public final class WebhookTargets {

  /** Resolves a host name to all its addresses. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Why a URL may not be used; never carries the host or address. */
  public static final class Refused extends Exception {
    public Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private final boolean allowInsecureHttp;
  private final Set<InetAddress> allowed;
  private final Resolver resolver;

  public WebhookTargets(
      boolean allowInsecureHttp, List<String> allowedAddresses, Resolver resolver) {
    this.allowInsecureHttp = allowInsecureHttp;
    this.resolver = resolver;
    Set<InetAddress> parsed = new java.util.HashSet<>();
    for (String address : allowedAddresses == null ? List.<String>of() : allowedAddresses) {
      if (address == null || address.isBlank()) {
        continue;
      }
      parsed.add(literal(address.strip()));
    }
    this.allowed = Set.copyOf(parsed);
  }

  /** The URL parsed and its host checked; throws {@link Refused} otherwise. */
  public URI check(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new Refused("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowInsecureHttp && scheme.equals("http"))) {
      throw new Refused("scheme");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new Refused("host");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new Refused("unresolvable");
    }
    if (addresses == null || addresses.length == 0) {
      throw new Refused("unresolvable");
    }
    for (InetAddress address : addresses) {
      if (!allowed.contains(address) && !isPublic(address)) {
        throw new Refused("address");
      }
    }
    return uri;
  }

  /** Whether an address is a public unicast one (see the class comment for what is not). */
  public static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address v6) {
      if (v6.isIPv4CompatibleAddress()) {
        return isPublicV4(tail(b, 12));
      }
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
        return false;
      }
      if (first == 0xfe && (second & 0xc0) == 0x80) { // fe80::/10 (isLinkLocal covers it too)
        return false;
      }
      if (first == 0xfe && (second & 0xc0) == 0xc0) { // fec0::/10 deprecated site-local
        return false;
      }
      if (isMapped(b)) { // ::ffff:a.b.c.d (Java usually hands these over as IPv4 already)
        return isPublicV4(tail(b, 12));
      }
      if (first == 0x20 && second == 0x02) { // 6to4 2002:a.b.c.d::/48
        return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]});
      }
      if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        return isPublicV4(tail(b, 12)); // NAT64 64:ff9b::/96
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a = b[0] & 0xff;
    int c = b[1] & 0xff;
    if (a == 0 // 0/8 "this network", incl. 0.0.0.0
        || a == 10
        || a == 127
        || (a == 100 && (c & 0xc0) == 64) // 100.64/10 carrier-grade NAT
        || (a == 169 && c == 254) // link-local, cloud metadata
        || (a == 172 && (c & 0xf0) == 16)
        || (a == 192 && c == 168)
        || (a == 192 && c == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
        || (a == 198 && (c & 0xfe) == 18) // 198.18/15 benchmarking
        || a >= 224) { // multicast, reserved, broadcast
      return false;
    }
    return true;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static byte[] tail(byte[] b, int from) {
    byte[] out = new byte[b.length - from];
    System.arraycopy(b, from, out, 0, out.length);
    return out;
  }

  private static InetAddress literal(String address) {
    // only literal addresses: the allow-list must not depend on DNS
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalStateException(
          "dangjian.alerts.webhooks.allowed-addresses takes IP addresses only: " + address);
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an IP address: " + address, e);
    }
  }

  /** The default resolver: the JVM's (its cache then serves the connection that follows). */
  public static InetAddress[] systemResolve(String host) throws UnknownHostException {
    return InetAddress.getAllByName(host);
  }
}
