package cl.ventanilla.notifications.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void htmlValuesAreEscaped() {
        String html = Template.html("<p title=\"${name}\">Hola, ${name}</p>")
                .render(Map.of("name", "<b>Ana</b> & \"Pepe\" O'Hara"));
        assertEquals("<p title=\"&lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Pepe&quot; O&#39;Hara\">"
                + "Hola, &lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Pepe&quot; O&#39;Hara</p>", html);
    }

    @Test
    void textValuesStayAsTheyAre() {
        assertEquals("Hola, <Ana> & $1 \\o/", Template.text("Hola, ${name}").render(Map.of("name", "<Ana> & $1 \\o/")));
    }

    @Test
    void aValueIsNotReadAsAPlaceholderAgain() {
        assertEquals("${code} y X", Template.text("${a} y ${code}").render(Map.of("a", "${code}", "code", "X")));
    }

    @Test
    void aMissingValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Template.html("Hola, ${name}, su código es ${code}").render(Map.of("name", "Ana")));
        assertEquals("the template needs a value for ${code}", e.getMessage());
    }

    @Test
    void dollarsAndBracesThatAreNotPlaceholdersStay() {
        assertEquals("$ 1.000 {x} ${ no", Template.text("$ 1.000 {x} ${ no").render(Map.of()));
    }
}
