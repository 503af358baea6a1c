package ddmatch.sde.input;

/** Validation shared by the schedules: the message names the schedule, the field, the value and the rule. */
final class Checks {
    private Checks() {}

    static void requireFinite(String schedule, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(schedule + ": " + field + " = " + value + " is not allowed; it must be a finite number");
        }
    }
}
