package cl.ventanilla.appointments.entity;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code a citizen manages a booking with (and that the QR carries): eight characters from an alphabet
 * without the look-alikes 0/O and 1/I, so that it can be read out on the phone and typed from paper.
 */
public final class BookingCode {

    public static final int LENGTH = 8;
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("^[" + ALPHABET + "]{" + LENGTH + "}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCode() {
    }

    /** A fresh random code; uniqueness is the caller's to check against the stored ones. */
    public static String random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, upper-cased and without spaces or dashes; empty text stays empty. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the text could be a code at all (a cheap check before looking it up). */
    public static boolean looksValid(String normalized) {
        return SHAPE.matcher(normalized).matches();
    }
}
