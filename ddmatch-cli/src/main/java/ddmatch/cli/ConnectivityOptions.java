package ddmatch.cli;

import ddmatch.fit.Constraints;
import ddmatch.fit.DaleMatcher;
import ddmatch.fit.FullRankConfig;
import ddmatch.fit.SparseConfig;
import ddmatch.fit.SparseMatcher;
import picocli.CommandLine.Option;

/**
 * The options of {@code ddmatch train} that choose the structure of J and the settings of each kind: the random bulk of
 * a full-rank fit ({@link ddmatch.fit.FullRankMatcher}), the mask, bound and transverse samples of a sparse fit
 * ({@link SparseMatcher}), and the sign constraints of the Dale fits ({@link DaleMatcher}, {@link
 * ddmatch.fit.ConstrainedMatcher}). Each kind's settings are validated here, before anything is written.
 */
final class ConnectivityOptions {
    /** The structure of J named by {@code --connectivity}. */
    enum Kind {
        FACTORED("factored"), FULL_RANK("full-rank"), SPARSE("sparse"), DALE("dale"), DALE_DENSE("dale-dense");

        /** The option value, also recorded in dense models as {@code connectivity}. */
        final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    @Option(names = "--connectivity", defaultValue = "factored", paramLabel = "KIND",
            description = "factored (J = U W, closed form), full-rank (J = J0 + dJ: random bulk plus a full ridge fit), "
                    + "sparse (dense J with a random mask, each entry allowed with probability --connection-probability, "
                    + "fitted row by row in closed form with off-manifold samples, optionally |J_ij| <= --weight-bound), "
                    + "dale (Dale's law on a low-rank J = U W + 1 w0^T, by ADMM with second-order-cone projections; "
                    + "holds its manifold) or dale-dense (sign-constrained dense J by accelerated projected gradient; "
                    + "NOT transversely stable) (default: ${DEFAULT-VALUE})")
    String connectivity;

    @Option(names = "--bulk-gain", defaultValue = "0.5", paramLabel = "G0",
            description = "full-rank: gain g0 ≥ 0 of the random bulk J0, dimensionless, entries of variance g0^2/N (default: "
                    + "${DEFAULT-VALUE}; the manifold is lost at large g0 when --samples < N: see README)")
    double bulkGain;

    @Option(names = "--bulk-sparsity", defaultValue = "1.0", paramLabel = "P",
            description = "full-rank: connection probability p of J0, in (0, 1]; kept entries are scaled by 1/√p so the "
                    + "variance stays g0^2/N; recorded in the model as bulkSparsity (default: ${DEFAULT-VALUE}, dense)")
    double bulkSparsity;

    @Option(names = "--connection-probability", defaultValue = "0.5", paramLabel = "P",
            description = "sparse: probability p in (0, 1] that an entry J_ij is allowed (seeded mask; the realised density "
                    + "and the mask seed are recorded in the model); every row needs at least 2(d + 1) allowed columns, "
                    + "and the simulated network holds its manifold only for p·N large enough (see README) "
                    + "(default: ${DEFAULT-VALUE})")
    double connectionProbability;

    @Option(names = "--weight-bound", paramLabel = "B",
            description = "sparse: bound B > 0 on every |J_ij|, dimensionless like J, enforced exactly by accelerated "
                    + "projected gradient (--iterations) warm-started from the unbounded fit; the loss curve is recorded "
                    + "(default: none)")
    Double weightBound;

    @Option(names = "--transverse-scale", defaultValue = "0.05", paramLabel = "SIGMA",
            description = "sparse: std σ_ξ ≥ 0 per unit of the off-manifold offsets of the twin samples that teach J to "
                    + "pull the state back to the manifold, in units of the neurons' input x; 0 for none "
                    + "(default: ${DEFAULT-VALUE})")
    double transverseScale;

    @Option(names = "--excitatory", defaultValue = "0.8", paramLabel = "FRACTION",
            description = "dale, dale-dense: fraction of excitatory units, in (0, 1] (default: ${DEFAULT-VALUE})")
    double excitatory;

    @Option(names = "--iterations", defaultValue = "2000", paramLabel = "K",
            description = "dale: at most K ADMM iterations (it stops earlier once the primal and dual residuals meet their "
                    + "tolerances); dale-dense, and sparse with --weight-bound: projected-gradient iterations "
                    + "(default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--balance-weight", defaultValue = "100", paramLabel = "OMEGA",
            description = "dale: weight ω of the population-mean (E/I balance) rows in the loss, > 0; larger keeps the "
                    + "population mean closer to its set point at some cost in drift error (default: ${DEFAULT-VALUE})")
    double balanceWeight;

    @Option(names = "--balance-jitter", defaultValue = "auto", paramLabel = "SIGMA|auto",
            description = "dale: standard deviation σ_Z ≥ 0, in standardised latent units (1 = the target's own standard "
                    + "deviation), of the Gaussian jitter added to the latent state of the E/I-balance samples, so that the "
                    + "balance holds where runs of a noisy target go beyond the sampled trajectory; auto = the target's "
                    + "noise-driven spread √(tr(G̃G̃ᵀ)/(2 d κ)), κ its mean contraction rate, capped at 1 (0 without noise) "
                    + "(default: ${DEFAULT-VALUE})")
    String balanceJitter;

    @Option(names = "--mean-gain", defaultValue = "0", paramLabel = "GAMMA",
            description = "dale: extra relaxation γ ≥ 0 of the population mean z0, which is fitted to relax at rate "
                    + "(1 + γ)/τ (default: ${DEFAULT-VALUE})")
    double meanGain;

    /** {@code --weight-bound} applies to sparse only; rejected (with the way to a bounded dense J) for any other kind. */
    void checkWeightBoundUse() {
        if (weightBound != null && !connectivity.equals("sparse")) {
            throw new IllegalArgumentException("--weight-bound is not allowed with --connectivity " + connectivity
                    + "; it applies to sparse only (a bounded dense J: --connectivity sparse --connection-probability 1)");
        }
    }

    /** {@code --connectivity} as a kind; one line naming the value and the allowed ones otherwise. */
    Kind kind() {
        for (Kind k : Kind.values()) {
            if (k.id.equals(connectivity)) {
                return k;
            }
        }
        throw new IllegalArgumentException("--connectivity = '" + connectivity
                + "' is not allowed; choose factored, full-rank, sparse, dale or dale-dense");
    }

    /** The random bulk of a full-rank fit (validated by {@link FullRankConfig}). */
    FullRankConfig fullRank() {
        return new FullRankConfig(bulkGain, bulkSparsity);
    }

    /** The sign constraints of a dale-dense fit (validated by {@link Constraints}). */
    Constraints daleDense() {
        return Constraints.dale(excitatory).withIterations(iterations);
    }

    /** Whether {@code --balance-jitter auto} was given. */
    boolean balanceJitterAuto() {
        return balanceJitter.equals("auto");
    }

    /** The settings of a low-rank Dale fit: E fraction in (0, 1], iterations ≥ 1, ω finite &gt; 0, γ and σ_Z finite ≥ 0. */
    DaleMatcher.Settings dale() {
        if (!(excitatory > 0 && excitatory <= 1)) {
            throw new IllegalArgumentException("--excitatory = " + excitatory + " is not allowed; it must be in (0, 1]");
        }
        checkIterations();
        OptionChecks.finitePositive("--balance-weight", balanceWeight);
        OptionChecks.finiteNonNegative("--mean-gain", meanGain);
        double sigmaZ = Double.NaN;
        if (!balanceJitterAuto()) {
            try {
                sigmaZ = Double.parseDouble(balanceJitter);
            } catch (NumberFormatException e) {
                sigmaZ = -1;
            }
            if (!(sigmaZ >= 0) || !Double.isFinite(sigmaZ)) {
                throw new IllegalArgumentException("--balance-jitter = " + balanceJitter
                        + " is not allowed; it must be 'auto' or a finite number ≥ 0");
            }
        }
        return DaleMatcher.Settings.of(excitatory).withIterations(iterations).withBalanceWeight(balanceWeight)
                .withBalanceJitter(sigmaZ).withMeanGain(meanGain);
    }

    /** The settings of a sparse fit and its mask, drawn once here to be validated and then passed to the fit. */
    record Sparse(SparseConfig config, SparseMatcher.Mask mask) {}

    /**
     * The settings of a sparse fit for N = {@code neurons}, a system of dimension {@code d} and matching seed
     * {@code seed}: p, B, σ_ξ, the iteration count, and the mask itself (every row needs
     * {@link SparseMatcher#minimumColumns} allowed columns), which {@link SparseMatcher#train(ddmatch.sde.Sde,
     * ddmatch.fit.MatchConfig, SparseConfig, SparseMatcher.Mask, ddmatch.solve.ProgressListener)} then uses as drawn.
     */
    Sparse sparse(int neurons, int d, long seed) {
        if (!(connectionProbability > 0 && connectionProbability <= 1)) {
            throw new IllegalArgumentException("--connection-probability = " + connectionProbability
                    + " is not allowed; it must be in (0, 1]");
        }
        if (weightBound != null && !(weightBound > 0)) {
            throw new IllegalArgumentException("--weight-bound = " + weightBound + " is not allowed; it must be > 0");
        }
        OptionChecks.finiteNonNegative("--transverse-scale", transverseScale);
        checkIterations();
        int need = SparseMatcher.minimumColumns(d);
        SparseMatcher.Mask mask = SparseMatcher.Mask.draw(neurons, connectionProbability, SparseMatcher.maskSeed(seed));
        int fewest = mask.minimumRowColumns();
        if (fewest < need) {
            throw new IllegalArgumentException(String.format("--connection-probability = %s is too small for --neurons = %d: "
                    + "a row of the mask has %d allowed columns and each needs at least %d (2(d + 1), d = %d); "
                    + "raise p or N", connectionProbability, neurons, fewest, need, d));
        }
        SparseConfig sc = SparseConfig.of(connectionProbability).withTransverseScale(transverseScale).withIterations(iterations);
        return new Sparse(weightBound == null ? sc : sc.withWeightBound(weightBound), mask);
    }

    private void checkIterations() {
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations = " + iterations + " is not allowed; it must be ≥ 1");
        }
    }
}
