package ddmatch.cli;

/** The exit codes of {@code ddmatch}, listed in the README. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private ExitCodes() {}
}
