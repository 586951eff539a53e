package vn.vanthu.trust;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which outbound fetches (CRL, OCSP, CA certificates, timestamps) the service may make, and their bounds. Only http
 * and https (ldap when switched on); a host that resolves to a loopback, link-local, private, shared or
 * unique-local address is refused unless the allow-list names it (a host name, an address or a CIDR range), so a
 * certificate's URL cannot make the service reach the agency's own network.
 *
 * <pre>{@code
 * OutboundPolicy p = new OutboundPolicy(true, false, List.of("10.1.2.0/24"), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
 * String why = p.refusal(URI.create("http://127.0.0.1/crl"));   // "…loopback…", or null when allowed
 * }</pre>
 */
public record OutboundPolicy(boolean online, boolean ldap, List<String> allowList, Duration connectTimeout,
                             Duration readTimeout, Duration totalTimeout) {
    public static final OutboundPolicy DEFAULT = new OutboundPolicy(true, false, List.of(), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(20));

    /** What is fetched, and the most the service reads of each answer. */
    public enum Kind {
        CRL(32L << 20), OCSP(1L << 20), CERTIFICATE(1L << 20), TIMESTAMP(1L << 20);

        private final long maxBytes;

        Kind(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    public OutboundPolicy {
        allowList = List.copyOf(allowList);
    }

    /** The same policy with one more allowed host (a configured service, such as the TSA); as is for null. */
    public OutboundPolicy allowing(String host) {
        if (host == null) {
            return this;
        }
        List<String> allow = new java.util.ArrayList<>(allowList);
        allow.add(host);
        return new OutboundPolicy(online, ldap, allow, connectTimeout, readTimeout, totalTimeout);
    }

    /** From the settings: connect 5 s and each read 10 s, both within the configured total. */
    public static OutboundPolicy of(vn.vanthu.config.AppConfig.Outbound o) {
        Duration connect = o.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? o.timeout() : Duration.ofSeconds(5);
        Duration read = o.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? o.timeout() : Duration.ofSeconds(10);
        return new OutboundPolicy(o.fetch(), o.ldap(), o.allow(), connect, read, o.timeout());
    }

    /** Why this URL may not be fetched, or null when it may. Resolves the host name. */
    public String refusal(URI uri) {
        if (!online) {
            return "online fetching is switched off";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeAllowed = scheme.equals("http") || scheme.equals("https") || (ldap && scheme.equals("ldap"));
        if (!schemeAllowed) {
            return "the scheme '" + scheme + "' is not allowed";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "the URL names no host";
        }
        if (allowed(host, null)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "the host does not resolve";
        }
        for (InetAddress a : addresses) {
            String kind = internal(a);
            if (kind != null && !allowed(host, a)) {
                return "the host resolves to a " + kind + " address (" + a.getHostAddress() + ") not in the allow-list";
            }
        }
        return null;
    }

    /** The kind of internal address this is, or null for a public one. */
    static String internal(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (b.length == 4 && ((b[0] & 0xFF) == 0 || ((b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64))) {
            return "reserved or shared";   // 0.0.0.0/8, 100.64.0.0/10
        }
        if (b.length == 16 && (b[0] & 0xFE) == 0xFC) {
            return "unique-local";         // fc00::/7
        }
        return null;
    }

    private boolean allowed(String host, InetAddress address) {
        for (String entry : allowList) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (address == null) {
                if (e.equalsIgnoreCase(host)) {
                    return true;
                }
            } else if (inRange(address, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(InetAddress address, String entry) {
        int slash = entry.indexOf('/');
        String base = slash < 0 ? entry : entry.substring(0, slash);
        if (!base.matches("[0-9a-fA-F:.]+")) {
            return false;   // a host name: matched by name only
        }
        try {
            byte[] net = InetAddress.getByName(base).getAddress();
            byte[] a = address.getAddress();
            if (net.length != a.length) {
                return false;
            }
            int bits = slash < 0 ? a.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((a[i] & mask) != (net[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
