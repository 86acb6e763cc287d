package cl.ventanilla.kernel.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which machines may tell the application who the client is: the gateway's addresses, as IPs and CIDR
 * blocks (IPv4 and IPv6). A request whose TCP peer is not among them speaks for itself, whatever its
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} say. From a trusted peer, {@code X-Forwarded-For}
 * is read from right to left, skipping trusted hops, and the first untrusted address is the client: each
 * proxy appends the address it saw (nginx's {@code $proxy_add_x_forwarded_for}), so everything left of
 * an untrusted hop was written by the client and is never believed. Nothing here looks up a host name.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    // the first character a hex digit or ':' and a ':' somewhere: InetAddress then parses the text as an
    // IPv6 literal or refuses it, and never asks DNS
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Trusts no one: forwarded headers are ignored and the peer is the client. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * The comma-separated list of IPs and CIDR blocks ({@code 10.0.0.5, 172.18.0.0/16, fd00::/8}); blank
     * means none.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP literal or a CIDR block
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                blocks.add(Block.parse(entry));
            }
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether this literal address is one of the trusted proxies; false for anything that is not an IP. */
    public boolean trusts(String address) {
        return literal(address).map(this::trusts).orElse(false);
    }

    private boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * The client's address, in one normalized writing so the same machine always counts as one.
     *
     * @param peer the TCP peer ({@code request.getRemoteAddr()})
     * @param forwardedFor the {@code X-Forwarded-For} values in the order they arrived, or null
     */
    public String clientAddress(String peer, String forwardedFor) {
        Optional<InetAddress> peerAddress = literal(withoutZone(peer));
        if (peerAddress.isEmpty()) {
            return peer == null ? "" : peer.strip();
        }
        InetAddress nearest = peerAddress.get();
        if (!trusts(nearest) || forwardedFor == null) {
            return normalized(nearest);
        }
        String[] hops = forwardedFor.split(",", -1);
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(unbracketed(hops[i].strip()));
            if (hop.isEmpty()) {
                // a hop nobody trusted could have written this: the nearest address we can vouch for counts
                break;
            }
            if (!trusts(hop.get())) {
                return normalized(hop.get());
            }
            nearest = hop.get();
        }
        return normalized(nearest);
    }

    /**
     * Whether the client reached us over HTTPS: directly, or as a trusted peer says in
     * {@code X-Forwarded-Proto}. A list of values counts as HTTPS only when every hop says https.
     */
    public boolean isHttps(boolean secureConnection, String peer, String forwardedProto) {
        if (secureConnection) {
            return true;
        }
        if (forwardedProto == null || forwardedProto.isBlank() || !trusts(withoutZone(peer))) {
            return false;
        }
        return Arrays.stream(forwardedProto.split(",")).map(String::strip).allMatch("https"::equalsIgnoreCase);
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "(ninguno)" : String.join(", ", blocks.stream().map(Block::toString).toList());
    }

    /** The text as an IP address if it is an IPv4 or IPv6 literal; never a DNS lookup. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return byAddress(bytes);
        }
        if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
            try {
                return Optional.of(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String normalized(InetAddress address) {
        return address.getHostAddress();
    }

    private static String withoutZone(String address) {
        if (address == null) {
            return null;
        }
        int zone = address.indexOf('%');
        return (zone < 0 ? address : address.substring(0, zone)).strip();
    }

    private static String unbracketed(String address) {
        return address.length() > 2 && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
    }

    /** One IP or CIDR block of the configuration. */
    private record Block(byte[] network, int prefix, String text) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "«" + entry + "» no es una dirección IP ni un bloque CIDR (no se resuelven nombres)"));
            int bits = parsed instanceof Inet4Address ? 32 : 128;
            int prefix = bits;
            if (slash >= 0) {
                String length = entry.substring(slash + 1);
                if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
                    throw new IllegalArgumentException("«" + entry + "»: el prefijo debe ser un número de 0 a " + bits);
                }
                prefix = Integer.parseInt(length);
            }
            return new Block(masked(parsed.getAddress(), prefix), prefix, entry);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            return candidate.length == network.length && Arrays.equals(masked(candidate, prefix), network);
        }

        private static byte[] masked(byte[] address, int prefix) {
            byte[] result = address.clone();
            for (int i = 0; i < result.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - 8 * i));
                result[i] &= (byte) (0xFF00 >> keep);
            }
            return result;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
