package cl.ventanilla.kernel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static final TrustedProxies GATEWAY = TrustedProxies.parse("10.0.0.0/8, 192.168.1.10, fd00::/8");

    @Test
    void aPeerOutsideTheListIsTheClientWhateverItsHeaderSays() {
        assertEquals("203.0.113.50", GATEWAY.clientAddress("203.0.113.50", "198.51.100.1"));
        assertEquals("203.0.113.50", GATEWAY.clientAddress("203.0.113.50", "198.51.100.1, 10.0.0.1"));
    }

    @Test
    void fromTheGatewayTheRightmostUntrustedHopIsTheClient() {
        assertEquals("203.0.113.7", GATEWAY.clientAddress("10.0.0.1", "203.0.113.7"));
        // the left part was written by the client itself: never believed past 203.0.113.7
        assertEquals("203.0.113.7", GATEWAY.clientAddress("10.0.0.1", "1.2.3.4, 5.6.7.8, 203.0.113.7"));
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedThrough() {
        assertEquals("203.0.113.7",
                GATEWAY.clientAddress("10.0.0.1", "6.6.6.6, 203.0.113.7, 192.168.1.10, 10.1.2.3"));
    }

    @Test
    void withEveryHopTrustedTheFarthestOneIsTheClient() {
        assertEquals("10.9.9.9", GATEWAY.clientAddress("10.0.0.1", "10.9.9.9, 192.168.1.10"));
    }

    @Test
    void aTrustedPeerWithoutHeaderIsItself() {
        assertEquals("10.0.0.1", GATEWAY.clientAddress("10.0.0.1", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "", "   ", "203.0.113.7:4711", "999.1.1.1", "example.org", "1.2.3", "010.0.0.1",
        "::g", "[::1", "1.2.3.4 5.6.7.8"})
    void aMalformedHopStopsTheWalkAtTheNearestTrustedAddress(String malformed) {
        assertEquals("10.1.2.3", GATEWAY.clientAddress("10.0.0.1", "203.0.113.7, " + malformed + ", 10.1.2.3"));
        assertEquals("10.0.0.1", GATEWAY.clientAddress("10.0.0.1", "203.0.113.7, " + malformed));
    }

    @Test
    void ipv6PeersAndHops() {
        assertEquals("2001:db8:0:0:0:0:0:7", GATEWAY.clientAddress("fd12::1", "2001:db8::1, 2001:DB8::7"));
        assertEquals("2001:db8:0:0:0:0:0:7", GATEWAY.clientAddress("fd12::1", "[2001:db8::7], fd00::2"));
        assertEquals("2001:db8:0:0:0:0:0:1", GATEWAY.clientAddress("2001:db8::1", "203.0.113.7"));
        assertEquals("203.0.113.7", GATEWAY.clientAddress("fd12::1%eth0", "203.0.113.7"));
        // an IPv4 peer seen through an IPv6 socket is still the IPv4 gateway
        assertEquals("203.0.113.7", GATEWAY.clientAddress("::ffff:10.0.0.1", "203.0.113.7"));
    }

    @Test
    void theSameMachineIsAlwaysWrittenTheSameWay() {
        TrustedProxies none = TrustedProxies.none();
        assertEquals(none.clientAddress("2001:db8::1", null), none.clientAddress("2001:0DB8:0:0::1", null));
    }

    @Test
    void cidrBoundariesAreExact() {
        TrustedProxies proxies = TrustedProxies.parse("172.16.0.0/12, 2001:db8:abcd::/48, 198.51.100.77/32");
        assertFalse(proxies.trusts("172.15.255.255"));
        assertTrue(proxies.trusts("172.16.0.0"));
        assertTrue(proxies.trusts("172.31.255.255"));
        assertFalse(proxies.trusts("172.32.0.0"));
        assertTrue(proxies.trusts("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(proxies.trusts("2001:db8:abce::"));
        assertFalse(proxies.trusts("2001:db8:abcc:ffff::1"));
        assertTrue(proxies.trusts("198.51.100.77"));
        assertFalse(proxies.trusts("198.51.100.78"));
        // an IPv4 block says nothing about IPv6 addresses, and the other way round
        assertFalse(TrustedProxies.parse("0.0.0.0/0").trusts("::1"));
        assertFalse(TrustedProxies.parse("::/0").trusts("127.0.0.1"));
    }

    @Test
    void theWholeSpaceAndHostBitsOfABlock() {
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("255.255.255.255"));
        assertTrue(TrustedProxies.parse("::/0").trusts("ffff::1"));
        // like nginx, the host bits of a block's address are ignored
        assertTrue(TrustedProxies.parse("10.1.2.3/8").trusts("10.200.0.1"));
        assertTrue(TrustedProxies.parse("10.0.0.0/9").trusts("10.127.255.255"));
        assertFalse(TrustedProxies.parse("10.0.0.0/9").trusts("10.128.0.0"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", " , "})
    void anEmptyListTrustsNoOne(String list) {
        TrustedProxies proxies = TrustedProxies.parse(list);
        assertTrue(proxies.isEmpty());
        assertEquals("127.0.0.1", proxies.clientAddress("127.0.0.1", "203.0.113.7"));
        assertFalse(proxies.isHttps(false, "127.0.0.1", "https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8",
        "256.0.0.1", "10.0.0", "fd00::/x", "10.0.0.1 10.0.0.2", "[::1]"})
    void aBadEntryIsRefusedByName(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("10.0.0.1, " + entry));
        assertTrue(refused.getMessage().contains(entry.strip()), refused.getMessage());
    }

    @Test
    void theSchemeIsBelievedOnlyFromATrustedPeer() {
        assertTrue(GATEWAY.isHttps(false, "10.0.0.1", "https"));
        assertTrue(GATEWAY.isHttps(false, "10.0.0.1", "HTTPS"));
        assertFalse(GATEWAY.isHttps(false, "203.0.113.50", "https"));
        assertFalse(GATEWAY.isHttps(false, "10.0.0.1", "http"));
        assertFalse(GATEWAY.isHttps(false, "10.0.0.1", "https, http"));
        assertFalse(GATEWAY.isHttps(false, "10.0.0.1", null));
        assertTrue(GATEWAY.isHttps(true, "203.0.113.50", null));
    }
}
