#!/usr/bin/env python3
"""NumPy reference for the ddmatch JMH suite (bench/src/main/java/ddmatch/bench).

Times the same operations as the Java benchmarks, with time.perf_counter over repeats:

  * one deterministic Euler step x += dt/tau * (b - x + U (W tanh x)) of a d = 3 tanh rate network,
    N in {250, 1000, 4000}  (NetworkStepBenchmark.eulerStep);
  * 64 trajectories stepped once, as matrix ops on a 64 x N array, N = 1000  (BatchStepBenchmark);
  * N evaluations of tanh (np.tanh and the 1 - 2/(exp(2x) + 1) form)  (PracticalLimitBenchmark.tanh*);
  * the ridge fit at F = 1000 features, M = 5000 samples, 3 outputs: the Gram product phi.T @ phi, the symmetric
    eigendecomposition, the GCV fit (same algorithm as ddmatch.fit.RidgeRegression) and the GCV-free plain solve
    (Gram + phi.T @ y + Cholesky)  (RidgeFitBenchmark).

Thread count: the BLAS thread count is whatever OPENBLAS_NUM_THREADS / OMP_NUM_THREADS say; bench/run-all.sh runs
this script once with 1 thread (everything) and once with 2 threads (--only linalg). Only for benchmarks: nothing in
the Java build or tests uses Python.

Usage: python3 bench/numpy_reference.py [--only all|kernels|single|batch|ensemble|linalg|scaling|dense] [--features F] [--quick]
"""
import argparse
import ctypes
import glob
import os
import platform
import statistics
import sys
import time

import numpy as np

try:
    import scipy
    import scipy.linalg as sla
except ImportError:  # plain NumPy fallback for the Cholesky solve
    scipy = None
    sla = None

DT = 0.01
TAU = 1.0
D = 3
BATCH = 64
SAMPLES, FEATURES, OUTPUTS = 5000, 1000, 3
LAMBDA = 1e-8


def blas_info():
    """Which BLAS NumPy uses at run time, and with which kernel (core type) and thread count."""
    lines = []
    try:
        import threadpoolctl  # noqa: F401
        from threadpoolctl import threadpool_info
        for info in threadpool_info():
            lines.append("threadpoolctl: " + ", ".join(f"{k}={info.get(k)}" for k in
                                                       ("internal_api", "version", "architecture", "num_threads", "filepath")))
        return lines
    except ImportError:
        lines.append("threadpoolctl: not importable; querying the bundled OpenBLAS through ctypes")
    libdir = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(libdir, "*openblas*.so*"))):
        lib = ctypes.CDLL(path)
        for prefix, suffix in (("scipy_openblas_", "64_"), ("scipy_openblas_", ""), ("openblas_", "")):
            try:
                corename = getattr(lib, prefix + "get_corename" + suffix)
                config = getattr(lib, prefix + "get_config" + suffix)
                nthreads = getattr(lib, prefix + "get_num_threads" + suffix)
            except AttributeError:
                continue
            corename.restype = ctypes.c_char_p
            config.restype = ctypes.c_char_p
            lines.append(f"openblas ({os.path.basename(path)}): kernel (corename)={corename().decode()}, "
                         f"threads={nthreads()}, config={config().decode().strip()}")
            break
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        lines.append(f"numpy build blas: name={blas.get('name')} version={blas.get('version')} "
                     f"config={' '.join(str(blas.get('openblas configuration', '')).split())}")
        simd = cfg.get("SIMD Extensions", {})
        lines.append(f"numpy SIMD: baseline={simd.get('baseline')} found={simd.get('found')}")
    except Exception as e:  # older NumPy: show_config has no dict mode
        lines.append(f"numpy.show_config(mode='dicts') unavailable ({e})")
    return lines


def timeit(fn, inner, repeats, warmup=1):
    """Seconds per call: `repeats` blocks of `inner` calls each; returns (median, min, mean) over blocks."""
    for _ in range(warmup):
        for _ in range(inner):
            fn()
    per = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        per.append((time.perf_counter() - t0) / inner)
    return statistics.median(per), min(per), statistics.fmean(per)


def network(n, seed):
    """A network like BenchData.network: orthogonal U (columns of norm sqrt N), b orthogonal to U, W of entries
    O(1/sqrt N). Values differ from the Java generator (different RNG) but the sizes and magnitudes are the same."""
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.standard_normal((n, D)))
    u = np.ascontiguousarray(q * np.sqrt(n))
    b = 2.0 * rng.standard_normal(n)
    b -= u @ (u.T @ b) / n
    w = np.ascontiguousarray(rng.standard_normal((D, n)) / np.sqrt(n))
    return u, w, b


def state(u, b, seed):
    rng = np.random.default_rng(seed)
    return u @ rng.standard_normal(D) + b + 0.1 * rng.standard_normal(len(b))


def kernel_rows(quick, sizes=(250, 1000, 4000), extras=True):
    rows = []
    rep = 5 if quick else 15
    for n in sizes:
        u, w, b = network(n, 20240601)
        x0 = state(u, b, 99)
        x = x0.copy()
        t = np.empty(n)
        h = DT / TAU
        inner = max(200, 2_000_000 // n) // (4 if quick else 1)

        def step():
            # x += h * (b - x + U (W tanh x)); temporaries kept small, tanh into a preallocated buffer
            np.tanh(x, out=t)
            a = w @ t
            r = u @ a
            r += b
            r -= x
            r *= h
            np.add(x, r, out=x)

        def step_naive():
            x[:] = x + h * (b - x + u @ (w @ np.tanh(x)))

        def tanh_np():
            np.tanh(x, out=t)

        def tanh_expform():
            np.multiply(x, 2.0, out=t)
            np.exp(t, out=t)
            np.add(t, 1.0, out=t)
            np.divide(2.0, t, out=t)
            np.subtract(1.0, t, out=t)

        fns = (("euler_step", step), ("euler_step_naive", step_naive),
               ("tanh_np", tanh_np), ("tanh_expform", tanh_expform)) if extras else (("euler_step", step),)
        for name, fn in fns:
            x[:] = x0
            med, mn, mean = timeit(fn, inner, rep)
            rows.append((name, n, med * 1e9, mn * 1e9, mean * 1e9, "ns/op"))

    n = 1000
    u, w, b = network(n, 20240601)
    x0 = np.stack([state(u, b, 1000 + i) for i in range(BATCH)])
    xb = x0.copy()
    tb = np.empty_like(xb)
    wT = np.ascontiguousarray(w.T)
    uT = np.ascontiguousarray(u.T)
    h = DT / TAU

    def batch_step():
        np.tanh(xb, out=tb)
        a = tb @ wT            # 64 x 3
        r = a @ uT             # 64 x N
        r += b
        r -= xb
        r *= h
        np.add(xb, r, out=xb)

    def batch_loop():
        for i in range(BATCH):
            xi = xb[i]
            xi += h * (b - xi + u @ (w @ np.tanh(xi)))

    if not extras:
        return rows

    def batch_100_steps():
        # the same batched step 100 times (what BatchStepBenchmark.batch64Steps100* measure per operation)
        for _ in range(100):
            batch_step()

    for name, fn, inner in (("batch64_matrix", batch_step, 20 if quick else 200), ("batch64_loop", batch_loop, 20 if quick else 200),
                            ("batch64_100steps", batch_100_steps, 2 if quick else 5)):
        xb[:] = x0
        med, mn, mean = timeit(fn, inner, rep)
        rows.append((name, n, med * 1e9, mn * 1e9, mean * 1e9, "ns/op"))
    return rows


def ensemble_rows(quick):
    """What EnsembleBenchmark measures, the NumPy way: 64 noisy trajectories of the N = 1000, d = 3 network (additive
    noise U S dW, S = 0.3 I, m = 3) from the same state, 100 Euler-Maruyama steps as one batched step each (tanh of the
    64 x N array, two small GEMMs, the noise drawn as a 64 x 3 array by NumPy's default generator), and the divergence
    check of every trajectory after every step (its squared norm against the bound 1e6 (1 + |x0|), as ddmatch's
    Integrator)."""
    n = 1000
    u, w, b = network(n, 20240601)
    x0 = state(u, b, 1000)
    xb = np.empty((BATCH, n))
    tb = np.empty_like(xb)
    wT = np.ascontiguousarray(w.T)
    uT = np.ascontiguousarray(u.T)
    sT = 0.3 * np.eye(D)
    h = DT / TAU
    sqdt = np.sqrt(DT)
    limit2 = (1e6 * (1.0 + np.linalg.norm(x0))) ** 2
    rng = np.random.default_rng(7)
    bh = h * b

    def ensemble_100_steps():
        nonlocal xb
        xb[:] = x0
        for _ in range(100):
            np.tanh(xb, out=tb)
            e = tb @ wT                                          # 64 x 3 read-in sums
            e *= h
            e += (sqdt * rng.standard_normal((BATCH, D))) @ sT   # + the latent noise S dW
            r = e @ uT                                           # 64 x N
            r += bh
            xb *= 1.0 - h                                        # x + h (b - x) + U e, no 64 x N temporaries
            xb += r
            sq = np.einsum("ij,ij->i", xb, xb)
            if not (sq <= limit2).all():
                raise FloatingPointError("a trajectory diverged")

    med, mn, mean = timeit(ensemble_100_steps, 2 if quick else 5, 5 if quick else 11)
    return [("ensemble64_100steps", n, med * 1e9, mn * 1e9, mean * 1e9, "ns/op")]


def dense_rows(quick):
    """Dense J (full-rank networks): one Euler step x += dt/tau (b - x + J tanh x) (a matrix-vector product) and the
    matrix-matrix product J @ T for 64 states (N x 64), as DenseStepBenchmark measures."""
    rows = []
    rep = 5 if quick else 11
    for n in (1000, 2000):
        rng = np.random.default_rng(5)
        j = np.ascontiguousarray(rng.standard_normal((n, n)) * (0.5 / np.sqrt(n)))
        b = rng.standard_normal(n)
        x = rng.standard_normal(n)
        t = np.empty(n)
        h = DT / TAU
        tt = np.ascontiguousarray(np.tanh(rng.standard_normal((n, BATCH))))

        def step():
            np.tanh(x, out=t)
            r = j @ t
            r += b
            r -= x
            r *= h
            np.add(x, r, out=x)

        def matvec():
            return j @ t

        def matmat():
            return j @ tt

        for name, fn, inner in (("dense_step", step, 50), ("dense_matvec", matvec, 50), ("dense_matmat64", matmat, 5)):
            med, mn, mean = timeit(fn, inner, rep)
            rows.append((name, n, med * 1e9, mn * 1e9, mean * 1e9, "ns/op"))
    return rows


def ridge_data(seed=7):
    rng = np.random.default_rng(seed)
    uu = rng.standard_normal((FEATURES, 3))
    bb = rng.standard_normal(FEATURES)
    z = rng.standard_normal((SAMPLES, 3))
    phi = np.tanh(z @ uu.T + 2.0 * bb)
    y = -z + 0.5 * np.sin(np.roll(z, -1, axis=1))
    return np.ascontiguousarray(phi), np.ascontiguousarray(y)


def chol_solve(a, rhs):
    if sla is not None:
        c = sla.cho_factor(a, lower=False, overwrite_a=True, check_finite=False)
        return sla.cho_solve(c, rhs, check_finite=False)
    l = np.linalg.cholesky(a)
    return np.linalg.solve(l.T, np.linalg.solve(l, rhs))


def fit_gcv(phi, y):
    """The algorithm of ddmatch.fit.RidgeRegression (primal form): Gram, eigh, 65-point GCV grid with the residual
    computed directly, Cholesky solve at the chosen lambda."""
    m, f = phi.shape
    g = phi.T @ phi
    rhs = phi.T @ y
    scale = np.trace(g) / f
    e, v = np.linalg.eigh(g)
    e = np.maximum(e, 0.0)
    proj = v.T @ rhs
    best, best_lam = np.inf, None
    for p in np.arange(-16.0, 0.0 + 1e-9, 0.25):
        lam = scale * 10.0 ** p
        w = 1.0 / (e + lam)
        beta = v @ (proj * w[:, None])
        res = y - phi @ beta
        rss = float(np.sum(res * res))
        den = m - float(np.sum(e * w))
        gcv = m * rss / (den * den) if den > 0 else np.inf
        if gcv < best:
            best, best_lam = gcv, lam
    reg = g.copy()
    reg[np.diag_indices(f)] += best_lam
    return chol_solve(reg, rhs), best_lam


def plain_solve(phi, y):
    f = phi.shape[1]
    g = phi.T @ phi
    rhs = phi.T @ y
    g[np.diag_indices(f)] += LAMBDA * np.trace(g) / f
    return chol_solve(g, rhs)


def linalg_rows(quick):
    phi, y = ridge_data()
    g = phi.T @ phi
    rows = []
    rep = 3 if quick else 7
    for name, fn, r in (("gram_phiT_phi", lambda: phi.T @ phi, rep),
                        ("eigh_gram", lambda: np.linalg.eigh(g), rep),
                        ("plain_solve", lambda: plain_solve(phi, y), rep),
                        ("fit_gcv", lambda: fit_gcv(phi, y), max(2, rep // 2))):
        med, mn, mean = timeit(fn, 1, r)
        rows.append((name, FEATURES, med, mn, mean, "s/op"))
    return rows


def main():
    global FEATURES
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=("all", "kernels", "single", "batch", "ensemble", "linalg", "scaling", "dense"),
                    default="all")
    ap.add_argument("--sizes", default="100,200,500,1000,2000,4000,8000",
                    help="N values of --only scaling (comma-separated)")
    ap.add_argument("--quick", action="store_true", help="fewer repeats (smoke test)")
    ap.add_argument("--features", type=int, default=FEATURES,
                    help="F of --only linalg (features = neurons; M = 5000 samples, d = 3 outputs)")
    args = ap.parse_args()
    FEATURES = args.features

    print(f"# numpy_reference.py  python {platform.python_version()}  numpy {np.__version__}  "
          f"scipy {scipy.__version__ if scipy else 'absent'}")
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        print(f"# env {var}={os.environ.get(var, '<unset>')}")
    for line in blas_info():
        print("# " + line)
    try:  # NumPy >= 1.24: the SIMD extensions and BLAS kernel found at run time
        import io
        import contextlib
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            np.show_runtime()
        for line in buf.getvalue().splitlines():
            print("# show_runtime: " + line)
    except AttributeError:
        print("# numpy.show_runtime unavailable")
    rows = []
    if args.only in ("all", "kernels"):
        rows += kernel_rows(args.quick)
    if args.only in ("all", "linalg"):
        rows += linalg_rows(args.quick)
    if args.only == "single":   # the single-trajectory step of kernels alone, at the issue's N = 250 and 1000
        rows += kernel_rows(args.quick, (250, 1000), extras=False)
    if args.only == "batch":   # the 64-trajectory rows of kernels alone
        rows += kernel_rows(args.quick, ())
    if args.only == "ensemble":   # what EnsembleBenchmark measures
        rows += ensemble_rows(args.quick)
    if args.only == "scaling":
        rows += kernel_rows(args.quick, tuple(int(v) for v in args.sizes.split(",")), extras=False)
    if args.only in ("all", "dense"):
        rows += dense_rows(args.quick)
    threads = os.environ.get("OPENBLAS_NUM_THREADS", os.environ.get("OMP_NUM_THREADS", "default"))
    print(f"{'operation':<18} {'N/F':>5} {'threads':>7} {'median':>12} {'min':>12} {'mean':>12}  unit")
    for name, n, med, mn, mean, unit in rows:
        print(f"{name:<18} {n:>5} {threads:>7} {med:>12.4g} {mn:>12.4g} {mean:>12.4g}  {unit}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
