package ddmatch.sde.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names an expression may use: the state variables, the parameters and the inputs of one system, in declaration
 * order (which fixes their index), plus the time {@code t} and the constant {@code pi}. Names are ASCII identifiers
 * ({@code [A-Za-z_][A-Za-z0-9_]*}, at most 64 characters), unique across the three kinds, and neither {@code t},
 * {@code pi} nor a function name.
 */
public final class Symbols {
    /** What a name stands for. */
    public enum Kind { STATE, PARAMETER, INPUT, TIME }

    /**
     * A resolved name.
     *
     * @param kind  what it is
     * @param index its position among the names of its kind (0 for the time)
     * @param name  the name
     */
    public record Symbol(Kind kind, int index, String name) {}

    /** The time variable every expression may use. */
    public static final String TIME = "t";
    /** The constant π. */
    public static final String PI = "pi";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final List<String> state;
    private final List<String> parameters;
    private final List<String> inputs;
    private final Map<String, Symbol> byName = new HashMap<>();
    private final boolean withTime;

    private Symbols(List<String> state, List<String> parameters, List<String> inputs, boolean withTime) {
        this.state = List.copyOf(state);
        this.parameters = List.copyOf(parameters);
        this.inputs = List.copyOf(inputs);
        add(Kind.STATE, this.state);
        add(Kind.PARAMETER, this.parameters);
        add(Kind.INPUT, this.inputs);
        if (withTime) {
            byName.put(TIME, new Symbol(Kind.TIME, 0, TIME));
        }
        this.withTime = withTime;
    }

    /**
     * The symbols of one system.
     *
     * @param state      state variable names, at least one
     * @param parameters parameter names
     * @param inputs     input names
     * @throws IllegalArgumentException naming the first invalid, reserved or repeated name
     */
    public static Symbols of(List<String> state, List<String> parameters, List<String> inputs) {
        if (state.isEmpty()) {
            throw new IllegalArgumentException("state: no variables given; a system needs at least one state variable");
        }
        return new Symbols(state, parameters, inputs, true);
    }

    /** No names but {@code pi}: for constant expressions (parameter values such as {@code 8/3}). */
    public static Symbols constantsOnly() {
        return new Symbols(List.of(), List.of(), List.of(), false);
    }

    private void add(Kind kind, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            requireValidName(n);
            Symbol old = byName.putIfAbsent(n, new Symbol(kind, i, n));
            if (old != null) {
                throw new IllegalArgumentException("name '" + n + "' is declared twice (as " + describe(old.kind()) + " and as "
                        + describe(kind) + "); state variables, parameters and inputs need distinct names");
            }
        }
    }

    /**
     * Checks that {@code name} may be declared.
     *
     * @throws IllegalArgumentException saying why not and what is allowed
     */
    public static void requireValidName(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("name " + (name == null ? "null" : "'" + name + "'") + " is not allowed; names are "
                    + "letters, digits and '_' (not starting with a digit, at most 64 characters)");
        }
        if (name.equals(TIME) || name.equals(PI) || MathFunction.byId(name).isPresent()) {
            throw new IllegalArgumentException("name '" + name + "' is reserved (" + (name.equals(TIME) ? "the time"
                    : name.equals(PI) ? "the constant π" : "a function") + "); choose another name");
        }
    }

    static String describe(Kind kind) {
        return switch (kind) {
            case STATE -> "a state variable";
            case PARAMETER -> "a parameter";
            case INPUT -> "an input";
            case TIME -> "the time";
        };
    }

    /** The symbol called {@code name}, if declared (the time {@code t} is, except for {@link #constantsOnly()}). */
    public Optional<Symbol> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** State variable names in order. */
    public List<String> state() {
        return state;
    }

    /** Parameter names in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** Input names in order. */
    public List<String> inputs() {
        return inputs;
    }

    /** Every name an expression may use, for error messages: the declared ones, then {@code t} and {@code pi}. */
    public List<String> allowedNames() {
        List<String> all = new ArrayList<>(state);
        all.addAll(parameters);
        all.addAll(inputs);
        if (withTime) {
            all.add(TIME);
        }
        all.add(PI);
        return Collections.unmodifiableList(all);
    }
}
