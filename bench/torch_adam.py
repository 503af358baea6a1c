#!/usr/bin/env python3
"""Gradient training of the drift-matching read-in W with Adam (PyTorch), for comparison with ddmatch's closed form.

Same loss as ddmatch's ridge fit: features phi = tanh(U z + b) of N neurons at M samples z of the standardised Lorenz
attractor, target f(z) = standardised Lorenz drift, loss = mean ||W phi - f||^2. Adam (lr 1e-2, full batch) runs
until the held-out relative drift error (||W phi - f|| / ||f|| on 20 % of the samples) reaches 1e-3, or a step or
time budget. Prints the wall time (and steps) at which the error first reached 3e-2, 1e-2 and 1e-3 (checked every 100
steps). Only for benchmarks (not a build or test dependency).

Usage: python3 bench/torch_adam.py [--neurons 1000] [--samples 5000] [--max-steps 1000000] [--max-seconds 120]
                                   [--threads 2]
"""
import argparse, time
import numpy as np

def lorenz_samples(m, dt=0.01, seed=1):
    s, r, b = 10.0, 28.0, 8.0 / 3.0
    f = lambda z: np.array([s * (z[1] - z[0]), z[0] * (r - z[2]) - z[1], z[0] * z[1] - b * z[2]])
    z = np.array([1.0, 1.0, 1.0]); out = []
    for i in range(2000 + m * 5):   # RK4 transient, then every 5th step
        k1 = f(z); k2 = f(z + dt / 2 * k1); k3 = f(z + dt / 2 * k2); k4 = f(z + dt * k3)
        z = z + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        if i >= 2000 and (i - 2000) % 5 == 0: out.append(z.copy())
    zs = np.array(out[:m]); fz = np.array([f(z) for z in zs])
    mu, sd = zs.mean(0), zs.std(0)
    return (zs - mu) / sd, fz / sd

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--neurons", type=int, default=1000); ap.add_argument("--samples", type=int, default=5000)
    ap.add_argument("--max-steps", type=int, default=1000000)
    ap.add_argument("--max-seconds", type=float, default=120.0); ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    import torch
    torch.set_num_threads(a.threads); torch.manual_seed(0)
    z, fz = lorenz_samples(a.samples)
    rng = np.random.default_rng(2)
    u = np.linalg.qr(rng.standard_normal((a.neurons, 3)))[0] * np.sqrt(a.neurons)
    bias = 2.0 * rng.standard_normal(a.neurons)
    phi = np.tanh(z @ u.T + bias)
    cut = int(0.8 * a.samples)
    P = torch.tensor(phi[:cut]); Y = torch.tensor(fz[:cut]); Ph = torch.tensor(phi[cut:]); Yh = torch.tensor(fz[cut:])
    W = torch.zeros(a.neurons, 3, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([W], lr=1e-2)
    thresholds = [3e-2, 1e-2, 1e-3]; reached = {}
    t0 = time.perf_counter(); err = float("nan"); step = 0
    for step in range(1, a.max_steps + 1):
        opt.zero_grad(); loss = ((P @ W - Y) ** 2).mean(); loss.backward(); opt.step()
        if step % 100 == 0:
            with torch.no_grad(): err = (torch.linalg.norm(Ph @ W - Yh) / torch.linalg.norm(Yh)).item()
            now = time.perf_counter() - t0
            for th in thresholds:
                if err <= th and th not in reached: reached[th] = (now, step)
            if err <= 1e-3 or now > a.max_seconds: break
    t = time.perf_counter() - t0
    t1 = time.perf_counter()
    G = phi[:cut].T @ phi[:cut]; lam = 1e-10 * np.trace(G) / a.neurons
    Wc = np.linalg.solve(G + lam * np.eye(a.neurons), phi[:cut].T @ fz[:cut])
    tc = time.perf_counter() - t1
    ec = np.linalg.norm(phi[cut:] @ Wc - fz[cut:]) / np.linalg.norm(fz[cut:])
    print(f"torch {torch.__version__} threads={a.threads} N={a.neurons} M={a.samples}")
    print(f"adam: steps={step} wall={t:.2f} s held-out rel drift error={err:.3e} (target 1e-3, budget {a.max_seconds:g} s)")
    for th in thresholds:
        if th in reached: print(f"adam: reached {th:g} after {reached[th][0]:.2f} s ({reached[th][1]} steps)")
        else: print(f"adam: did NOT reach {th:g} within {t:.1f} s ({step} steps)")
    print(f"numpy closed form (fixed lambda, no GCV): wall={tc:.3f} s held-out rel drift error={ec:.3e}")

if __name__ == "__main__":
    main()
