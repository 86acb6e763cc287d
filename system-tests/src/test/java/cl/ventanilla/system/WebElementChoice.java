package cl.ventanilla.system;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One checkbox of a Faces selectManyCheckbox, found by the component's id. */
record WebElementChoice(WebElement box) {

    static List<WebElementChoice> all(Browser browser, String id) {
        return browser.driver().findElements(By.cssSelector("input[type=checkbox][name='" + id + "']")).stream()
                .map(WebElementChoice::new).toList();
    }

    void check() {
        if (!box.isSelected()) {
            box.click();
        }
    }
}
