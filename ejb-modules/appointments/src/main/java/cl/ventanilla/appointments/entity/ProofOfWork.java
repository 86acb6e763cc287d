package cl.ventanilla.appointments.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The booking form's proof of work: the client finds a decimal {@code nonce} such that
 * SHA-256({@code token + ":" + nonce}) starts with {@code difficulty} zero bits. Cheap for one citizen
 * (tens of milliseconds in a browser at 16 bits), costly for a script booking thousands of slots.
 */
public final class ProofOfWork {

    /** Longest nonce accepted: a decimal long. */
    public static final int NONCE_MAX_LENGTH = 19;

    private ProofOfWork() {
    }

    /** Whether the nonce solves the token at the difficulty. */
    public static boolean solves(String token, String nonce, int difficulty) {
        if (token == null || nonce == null || nonce.isEmpty() || nonce.length() > NONCE_MAX_LENGTH
                || !nonce.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return leadingZeroBits(sha256(token + ":" + nonce)) >= difficulty;
    }

    /** Finds the smallest solving nonce (what a client does; the tests use it too). */
    public static String solve(String token, int difficulty) {
        for (long nonce = 0; ; nonce++) {
            String candidate = Long.toString(nonce);
            if (leadingZeroBits(sha256(token + ":" + candidate)) >= difficulty) {
                return candidate;
            }
        }
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
