package ddmatch.analysis.decomposition;

import ddmatch.fit.DriftField;
import ddmatch.fit.DriftMatcher;
import ddmatch.fit.MatchConfig;
import ddmatch.fit.SplitTrainingResult;
import ddmatch.rnn.RateNetwork;
import ddmatch.sde.Sde;
import ddmatch.solve.ProgressListener;
import java.util.List;

/**
 * The reversible/irreversible split of a trained network's connectivity, {@code J = J_rev + J_irr} with
 * {@code J_rev = U W_rev} and {@code J_irr = U W_irr} (DESIGN §1.6).
 *
 * <p><b>Description.</b> The drift is split, {@code f = f_rev + f_irr} (exactly for a linear target by
 * {@link LinearSplit}, or as the user gives it, e.g. {@code −∇V} plus a circulation), and each part is fitted by the
 * ridge regression of {@link DriftMatcher#trainSplit} with the features, samples and λ of the full fit. The
 * regression is linear in its targets, so {@code W_rev + W_irr = W} up to rounding. {@code W_rev} includes the leak
 * part {@code W_leak} (targets {@code z̃}), which cancels the neurons' own decay along the manifold and so belongs to
 * the network's relaxation, not to its circulation: {@code J_rev} alone carries {@code f_rev}, {@code J_irr} adds
 * {@code f_irr}. {@link #network(double)} gives the ablated network {@code J_α = U(W_rev + α W_irr)}, whose readout
 * drift is {@code f_rev + α f_irr} up to the fit error.
 *
 * @param full         the full network (W from the ordinary fit)
 * @param reversible   {@code W_rev = W_leak + W_{f_rev}}, row-major d × N
 * @param irreversible {@code W_irr}, row-major d × N
 * @param lambda       the ridge λ shared by all fits
 */
public record ConnectivitySplit(RateNetwork full, double[] reversible, double[] irreversible, double lambda) {
    public ConnectivitySplit {
        int size = full.neurons() * full.latentDimension();
        Values.length("reversible", reversible, size);
        Values.length("irreversible", irreversible, size);
        Values.finite("reversible", reversible);
        Values.finite("irreversible", irreversible);
        Values.nonNegative("lambda", lambda);
        reversible = reversible.clone();
        irreversible = irreversible.clone();
    }

    @Override public double[] reversible() { return reversible.clone(); }

    @Override public double[] irreversible() { return irreversible.clone(); }

    /**
     * Trains {@code target} and splits the result.
     *
     * @param reversible   f_rev in the target's coordinates
     * @param irreversible f_irr; {@code f_rev + f_irr} must equal the target's drift at the samples
     */
    public static ConnectivitySplit fit(Sde target, MatchConfig cfg, DriftField reversible, DriftField irreversible,
                                        ProgressListener progress) {
        SplitTrainingResult r = DriftMatcher.trainSplit(target, cfg, List.of(reversible, irreversible), progress);
        double[] rev = r.leak();
        double[] wr = r.components().get(0);
        for (int i = 0; i < rev.length; i++) rev[i] += wr[i];
        return new ConnectivitySplit(r.full().network(), rev, r.components().get(1), r.full().ridge().lambda());
    }

    /**
     * Trains a linear target {@code f = −B z} with constant diffusion D and splits it by {@link LinearSplit}.
     *
     * @param b    B, row-major d × d (the target's drift must be {@code −B z})
     * @param dmat D = ½GGᵀ, row-major d × d
     */
    public static ConnectivitySplit fitLinear(Sde target, double[] b, double[] dmat, MatchConfig cfg, ProgressListener progress) {
        LinearSplit s = LinearSplit.of(b, dmat, target.dimension());
        return fit(target, cfg, s.reversibleField(), s.irreversibleField(), progress);
    }

    /** {@code W_rev + α W_irr}, row-major d × N. */
    public double[] readIn(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha = " + alpha + " is not allowed; it must be finite");
        }
        double[] w = new double[reversible.length];
        for (int i = 0; i < w.length; i++) w[i] = reversible[i] + alpha * irreversible[i];
        return w;
    }

    /** The network with {@code J_α = U (W_rev + α W_irr)} and otherwise the full network's parameters. */
    public RateNetwork network(double alpha) {
        return new RateNetwork(full.name() + "-alpha" + alpha, full.embedding(), readIn(alpha), full.noiseGain(),
                full.noiseWeights(), full.noiseDimension(), full.tau(), full.activation(), full.standardization(), full.defaultTimeStep());
    }
}
