package cl.ventanilla.auth.boundary;

import cl.ventanilla.auth.entity.User;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One page of the account list.
 *
 * @param page  zero-based
 * @param total accounts matching the search, on all pages
 */
@JsonbPropertyOrder({"items", "page", "size", "total"})
public record UserPage(List<User> items, int page, int size, long total) {

    public UserPage {
        items = List.copyOf(items);
    }
}
