package ddmatch.rnn;

/** Validation shared by the network classes: messages name the parameter, the value and what is allowed. */
final class NetworkChecks {
    private NetworkChecks() {}

    /** Checks what every network has besides its connectivity: noise gain, τ, standardisation, time step, U and b. */
    static void common(Embedding embedding, double[] noiseGain, int noiseDimension, double tau, Standardization standardization,
                       double timeStep) {
        int d = embedding.latent();
        if (noiseDimension < 0 || noiseGain.length != d * noiseDimension) {
            throw new IllegalArgumentException("S has " + noiseGain.length + " entries; expected d·m = " + d + "·" + noiseDimension);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau = " + tau + " is not allowed; the time constant must be finite and > 0");
        }
        if (standardization.dimension() != d) {
            throw new IllegalArgumentException("standardization has dimension " + standardization.dimension() + "; expected d = " + d);
        }
        if (!(timeStep > 0)) {
            throw new IllegalArgumentException("timeStep = " + timeStep + " is not allowed; it must be > 0");
        }
        finite("S", noiseGain);
        finite("U", embedding.u());
        finite("b", embedding.tonic());
    }

    static void finite(String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + a[i] + " is not allowed; network parameters must be finite");
            }
        }
    }
}
