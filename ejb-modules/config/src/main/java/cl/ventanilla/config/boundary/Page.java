package cl.ventanilla.config.boundary;

import cl.ventanilla.config.entity.ConfigException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One page of a longer list, as list screens show it.
 *
 * @param items the items of this page
 * @param page  its number, from 0
 * @param size  the most items a page holds
 * @param total how many items the whole list has
 */
@JsonbPropertyOrder({"items", "page", "size", "total"})
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public Page {
        items = List.copyOf(items);
    }

    /** The requested page of a list already filtered and sorted. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        check(page, size);
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), page, size, all.size());
    }

    static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ConfigException.invalid("page.invalid", MAX_SIZE);
        }
    }
}
