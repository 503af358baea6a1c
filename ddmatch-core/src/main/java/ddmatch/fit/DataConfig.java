package ddmatch.fit;

/**
 * How a network is fitted to sampled trajectories instead of equations ({@link DataDrivenMatcher}).
 *
 * @param interval         Δt, the time between successive rows of the data (&gt; 0, the data's time units)
 * @param binsPerDimension B ≥ 2, bins per latent dimension of the grid on which Kramers–Moyal increments are averaged
 *                         before the regression (0 selects the default: 100 for d = 1, 60 for d = 2, 40 for d = 3, 20
 *                         otherwise)
 * @param noise            whether the diffusion is estimated as one constant matrix or as a field of the state
 */
public record DataConfig(double interval, int binsPerDimension, NoiseModel noise) {
    /** The diffusion model fitted to the data. */
    public enum NoiseModel {
        /** One matrix {@code S} with {@code S Sᵀ} the average of the residual increments' {@code r rᵀ/Δt}. */
        CONSTANT,
        /** {@code S(x) = K φ(x) + k}, fitted to the Cholesky factor of a ridge-smoothed field of {@code r rᵀ/Δt}. */
        STATE_DEPENDENT
    }

    public DataConfig {
        if (!(interval > 0) || !Double.isFinite(interval)) {
            throw new IllegalArgumentException("data interval Δt = " + interval + " is not allowed; it must be finite and > 0");
        }
        if (binsPerDimension != 0 && binsPerDimension < 2) {
            throw new IllegalArgumentException("binsPerDimension = " + binsPerDimension
                    + " is not allowed; it must be ≥ 2, or 0 for the default");
        }
        if (noise == null) {
            throw new IllegalArgumentException("noise model must be given (CONSTANT or STATE_DEPENDENT)");
        }
    }

    /** Default bins and constant noise for data sampled every {@code interval}. */
    public static DataConfig defaults(double interval) {
        return new DataConfig(interval, 0, NoiseModel.CONSTANT);
    }

    /** The bins per dimension actually used for a d-dimensional system. */
    public int bins(int d) {
        if (binsPerDimension != 0) {
            return binsPerDimension;
        }
        return d == 1 ? 100 : d == 2 ? 60 : d == 3 ? 40 : 20;
    }
}
