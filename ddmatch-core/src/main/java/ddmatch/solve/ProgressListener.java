package ddmatch.solve;

/** Receives progress of a long computation; numerics never print, the CLI renders this. All methods default to no-ops. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** Called once with the total amount of work (e.g. steps). */
    default void start(String task, long total) {}

    /** Called now and then with the work done so far. */
    default void advance(long done) {}

    /** Called once when the computation ends, normally or not. */
    default void finish() {}
}
