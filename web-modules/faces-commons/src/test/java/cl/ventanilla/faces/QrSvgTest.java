package cl.ventanilla.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {

    private static final String URL = "https://ventanilla.example.cl/turno.xhtml?t=AbCdEfGhIjKlMnOpQrStUv";

    @Test
    void oneSquarePerDarkModuleInsideTheQuietZone() {
        QrCode qr = QrCode.encodeText(URL, QrCode.Ecc.MEDIUM);
        int dark = 0;
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                dark += qr.getModule(x, y) ? 1 : 0;
            }
        }
        String svg = QrSvg.of(URL, "A-023");

        assertEquals(dark, count(svg, "<rect x="), "one square per dark module");
        assertEquals(1, count(svg, "<rect width=\"100%\""), "one white background");
        int side = qr.size + 2 * QrSvg.QUIET_ZONE;
        assertTrue(svg.contains("viewBox=\"0 0 " + side + " " + side + "\""), svg.substring(0, 200));
        assertTrue(svg.contains("<rect x=\"4\" y=\"4\""), "the top-left finder starts after the quiet zone");
    }

    @Test
    void aKnownInputHasTheDarkModulesOfItsVersion1Symbol() {
        // "HELLO" fits version 1 (21 × 21); its three finder patterns alone hold 3 × 33 dark modules
        String svg = QrSvg.of("HELLO", "x");
        assertTrue(svg.contains("viewBox=\"0 0 29 29\""));
        assertTrue(count(svg, "<rect x=") > 99);
    }

    @Test
    void theLabelIsEscaped() {
        assertTrue(QrSvg.of("x", "<A&\"B>").contains("aria-label=\"&lt;A&amp;&quot;B&gt;\""));
    }

    private static int count(String text, String part) {
        return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
