package cl.ventanilla.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RutTest {

    @ParameterizedTest
    @CsvSource({
        "12345678, 5",
        "11111111, 1",
        "76086428, 5",
        "10000013, K",
        "1, 9",
        "6, K",
        "19, 1",
        "99999999, 9",
        "24965885, 5"
    })
    void computesTheModulo11CheckDigit(int body, char expected) {
        assertEquals(expected, Rut.checkDigitOf(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-5", "12345678-5", "123456785", " 12345678-5 ", "12.345.6785"})
    void acceptsTheUsualWritings(String text) {
        Rut rut = Rut.of(text);
        assertEquals("12345678-5", rut.normalized());
        assertEquals("12.345.678-5", rut.formatted());
    }

    @Test
    void acceptsKInEitherCase() {
        assertEquals(Rut.of("10.000.013-K"), Rut.of("10000013-k"));
        assertEquals('K', Rut.of("10000013k").checkDigit());
    }

    @Test
    void formatsShortBodies() {
        assertEquals("1.000.005-K", Rut.of("1000005-K").formatted());
        assertEquals("6-K", Rut.of("6-K").formatted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678-4", "12.345.678-K", "11111111-2", "10000013-0"})
    void rejectsAWrongCheckDigit(String text) {
        InvalidRutException error = assertThrows(InvalidRutException.class, () -> Rut.of(text));
        assertEquals("rut.checkDigit", error.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12.345.678-", "12,345,678-5", "123456789-0", "1234.5678-5", "12.34.678-5",
        "0-0", "00000000-0", "12345678--5", "-5", "12345678-55", "12 345 678-5", "１２345678-5"})
    void rejectsMalformedText(String text) {
        InvalidRutException error = assertThrows(InvalidRutException.class, () -> Rut.of(text));
        assertEquals("rut.malformed", error.key());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void requiresAValue(String text) {
        assertEquals("rut.required", assertThrows(InvalidRutException.class, () -> Rut.of(text)).key());
        assertFalse(Rut.isValid(text));
    }

    @Test
    void explainsTheErrorInSpanishByDefaultAndInEnglish() {
        InvalidRutException error = assertThrows(InvalidRutException.class, () -> Rut.of("12345678-4"));
        assertEquals("El dígito verificador del RUT «12345678-4» no corresponde. Revise el número e intente nuevamente.",
                error.messageIn(null));
        assertEquals("The check digit of the RUT \"12345678-4\" does not match. Please check the number and try again.",
                error.messageIn(Locale.ENGLISH));
        assertTrue(error.messageIn(Locale.JAPANESE).startsWith("El dígito verificador"));
    }

    @Test
    void masksAllButTheLastDigitsForPublicScreens() {
        assertEquals("**.***.678-5", Rut.of("12345678-5").masked());
    }
}
