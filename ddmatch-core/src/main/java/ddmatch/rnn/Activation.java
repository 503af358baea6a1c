package ddmatch.rnn;

/** The single-neuron transfer function φ and its derivative. */
public enum Activation {
    /**
     * {@code φ(x) = tanh x}, evaluated by {@link FastTanh} (absolute error ≤ 1e-15 against {@link Math#tanh}; the same
     * values, bit for bit, as the vectorised array form used by the network's drift).
     */
    TANH("tanh") {
        @Override public double value(double x) {
            return FastTanh.tanh(x);
        }

        @Override public double derivative(double x) {
            double t = value(x);
            return 1.0 - t * t;
        }
    },
    /** {@code φ(x) = log(1 + e^x)}. */
    SOFTPLUS("softplus") {
        @Override public double value(double x) {
            return x > 30 ? x : Math.log1p(Math.exp(x));
        }

        @Override public double derivative(double x) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
    },
    /** {@code φ(x) = x}: a linear network, for tests and linear targets. */
    LINEAR("linear") {
        @Override public double value(double x) {
            return x;
        }

        @Override public double derivative(double x) {
            return 1.0;
        }
    };

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name used in model files and CLI options. */
    public String id() {
        return id;
    }

    public abstract double value(double x);

    public abstract double derivative(double x);

    /**
     * The activation called {@code id}.
     *
     * @throws IllegalArgumentException naming the known activations
     */
    public static Activation byId(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "'; known: tanh, softplus, linear");
    }
}
