#!/usr/bin/env python3
"""Coefficients of the polynomial q in the Vector API tanh (ddmatch-core rnn/VectorKernels.java).

expm1(r) = r + r^2 q(r) on |r| <= ln2/2 (the Cody-Waite reduced argument). q is the Chebyshev interpolant of
(expm1 r - r)/r^2 of the given degree, computed with mpmath at 40 significant digits (mpmath.chebyfit), then rounded
to double; the script reports the relative error of the resulting expm1 on a dense grid, in 40-digit arithmetic.
A development tool (needs mpmath); nothing in the build runs it.

    python3 bench/tanh_coefficients.py            # degrees 7 ... 11
    python3 bench/tanh_coefficients.py --degree 9
"""
import argparse

import mpmath as mp


def q_exact(r):
    if r == 0:
        return mp.mpf(1) / 2
    return (mp.expm1(r) - r) / r ** 2


def coefficients(degree):
    half = mp.log(2) / 2
    poly, _ = mp.chebyfit(q_exact, [-half, half], degree + 1, error=True)
    return [float(c) for c in reversed(poly)]   # ascending powers, rounded to double


def worst_relative_error(coef, points=4001):
    half = mp.log(2) / 2
    worst = mp.mpf(0)
    for i in range(points):
        r = -half + 2 * half * i / (points - 1)
        if r == 0:
            continue
        q = mp.mpf(0)
        for c in reversed(coef):
            q = q * r + mp.mpf(c)
        exact = mp.expm1(r)
        worst = max(worst, abs((r + r * r * q - exact) / exact))
    return float(worst)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--degree", type=int, help="one degree (default: 7 to 11)")
    args = ap.parse_args()
    mp.mp.dps = 40
    for degree in ([args.degree] if args.degree else range(7, 12)):
        coef = coefficients(degree)
        print(f"degree {degree}: max relative error of expm1 {worst_relative_error(coef):.2e}")
        print("  " + ", ".join(f"Q{i} = {c!r}" for i, c in enumerate(coef)))


if __name__ == "__main__":
    main()
