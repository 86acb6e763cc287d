import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Solves booking proofs of work before the benchmark's clock starts, the way the booking page does
 * (SHA-256(token + ":" + nonce) with the required leading zero bits). Reads "token difficulty" lines on
 * stdin, prints one nonce a line in the same order. Run as {@code java SolveChallenges.java}.
 */
public class SolveChallenges {

    public static void main(String[] args) throws Exception {
        List<String> lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                .filter(l -> !l.isBlank()).toList();
        String[] nonces = new String[lines.size()];
        java.util.stream.IntStream.range(0, lines.size()).parallel().forEach(i -> {
            String[] parts = lines.get(i).split(" ");
            nonces[i] = solve(parts[0], Integer.parseInt(parts[1]));
        });
        StringBuilder out = new StringBuilder();
        for (String nonce : nonces) {
            out.append(nonce).append('\n');
        }
        System.out.print(out);
    }

    static String solve(String token, int difficulty) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] prefix = (token + ":").getBytes(StandardCharsets.UTF_8);
            for (long nonce = 0; ; nonce++) {
                sha.update(prefix);
                byte[] hash = sha.digest(Long.toString(nonce).getBytes(StandardCharsets.US_ASCII));
                if (leadingZeroBits(hash) >= difficulty) {
                    return Long.toString(nonce);
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
}
