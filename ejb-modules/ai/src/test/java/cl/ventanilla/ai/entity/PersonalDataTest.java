package cl.ventanilla.ai.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-5", "12345678-5", "9.876.543-K", "9876543-k", "1.234.567-4", "12.345.678 - 5",
            "12 345 678-5"})
    void rutsBecomeAPlaceholder(String rut) {
        String redacted = PersonalData.redact("Mi RUT es " + rut + ", ¿tengo hora?");
        assertEquals("Mi RUT es [RUT], ¿tengo hora?", redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+56 9 1234 5678", "+56912345678", "912345678", "9 1234 5678", "+56 2 2987 4100",
            "(2) 2987 4100", "22987 4100", "56-9-1234-5678"})
    void chileanPhonesBecomeAPlaceholder(String phone) {
        String redacted = PersonalData.redact("llámenme al " + phone + " por favor");
        assertEquals("llámenme al [teléfono] por favor", redacted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maria.perez@gmail.com", "J.Soto+municipio@correo.example.cl", "vecina_1@uc.cl",
            "maria @ gmail . com", "maria(at)gmail.com"})
    void emailsBecomeAPlaceholder(String email) {
        String redacted = PersonalData.redact("escríbanme a " + email + " gracias");
        assertEquals("escríbanme a [correo] gracias", redacted);
    }

    @Test
    void otherLongNumbersGoToo() {
        // nine digits may be a phone as well as a RUT without its hyphen: either way they go
        assertFalse(PersonalData.redact("rut sin guion 123456785").matches(".*\\d.*"));
        assertEquals("rut sin guion [número]", PersonalData.redact("rut sin guion 12.345.678 5"));
        assertFalse(PersonalData.redact("tarjeta 4111 1111 1111 1111").matches(".*\\d.*"));
    }

    @Test
    void everythingAtOnceLeavesNoDigitOfThePersonBehind() {
        String text = "Soy María, RUT 12.345.678-5, correo maria.perez@gmail.com, fono +56 9 1234 5678 o 912345678; "
                + "¿qué necesito para renovar la licencia?";
        String redacted = PersonalData.redact(text);
        assertFalse(redacted.matches(".*\\d{3}.*"), redacted);
        assertFalse(redacted.contains("@"), redacted);
        assertTrue(redacted.endsWith("¿qué necesito para renovar la licencia?"), redacted);
        assertEquals("Soy María, RUT [RUT], correo [correo], fono [teléfono] o [teléfono]; "
                + "¿qué necesito para renovar la licencia?", redacted);
    }

    @Test
    void ordinaryNumbersOfAQuestionStay() {
        assertEquals("¿Cuánto cuesta la patente de alcoholes según la Ley 19.925 en 2026?",
                PersonalData.redact("¿Cuánto cuesta la patente de alcoholes según la Ley 19.925 en 2026?"));
        assertEquals("licencia clase A2, 3 personas", PersonalData.redact("licencia clase A2, 3 personas"));
        assertEquals("del 2026-11-01 al 2026-11-30", PersonalData.redact("del 2026-11-01 al 2026-11-30"));
    }
}
