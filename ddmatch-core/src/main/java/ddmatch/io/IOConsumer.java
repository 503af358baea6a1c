package ddmatch.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, so that writing code can be passed to {@link AtomicFiles} without
 * wrapping checked exceptions.
 *
 * @param <T> the type of the value consumed
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /**
     * Consumes {@code t}.
     *
     * @param t the value
     * @throws IOException if an I/O error occurs
     */
    void accept(T t) throws IOException;
}
