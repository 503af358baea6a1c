package ddmatch.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A table of formatted cells.
 *
 * @param caption caption
 * @param headers column titles
 * @param rows    rows, each with as many cells as there are headers
 */
public record Table(String caption, List<String> headers, List<List<String>> rows) {
    public Table {
        Objects.requireNonNull(caption, "caption");
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + caption + "': a row has " + r.size() + " cells but there are "
                        + headers.size() + " columns");
            }
        }
    }
}
