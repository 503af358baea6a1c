#!/usr/bin/env python3
"""Coefficients of the polynomial q in the Vector API tanh (ddmatch-core rnn/VectorKernels.java).

expm1(r) = r + r^2 q(r) on |r| <= ln2/(2T), the reduced argument of y = k ln2/T + r with a table of T values
2^(j/T) (T = 8 in the library since 2026-12-06, session 13; T = 1, no table, before). q is the Chebyshev interpolant of
(expm1 r - r)/r^2 of the given degree, computed with mpmath at 40 significant digits (mpmath.chebyfit), then rounded
to double; the script reports the relative error of the resulting expm1 on a dense grid, in 40-digit arithmetic.
A development tool (needs mpmath); nothing in the build runs it.

    python3 bench/tanh_coefficients.py                       # the library's table of 8: degrees 3 ... 7
    python3 bench/tanh_coefficients.py --degree 5
    python3 bench/tanh_coefficients.py --table 1 --degree 9  # the form without a table used before
"""
import argparse

import mpmath as mp


def q_exact(r):
    if r == 0:
        return mp.mpf(1) / 2
    return (mp.expm1(r) - r) / r ** 2


def coefficients(degree, table):
    half = mp.log(2) / (2 * table)
    poly, _ = mp.chebyfit(q_exact, [-half, half], degree + 1, error=True)
    return [float(c) for c in reversed(poly)]   # ascending powers, rounded to double


def worst_relative_error(coef, table, points=4001):
    half = mp.log(2) / (2 * table)
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
    ap.add_argument("--degree", type=int, help="one degree (default: a range around the table's)")
    ap.add_argument("--table", type=int, default=8, help="entries T of the table of 2^(j/T) (default 8; 1: none)")
    args = ap.parse_args()
    mp.mp.dps = 40
    around = 5 if args.table >= 8 else 9
    for degree in ([args.degree] if args.degree else range(around - 2, around + 3)):
        coef = coefficients(degree, args.table)
        print(f"degree {degree}: max relative error of expm1 {worst_relative_error(coef, args.table):.2e}")
        print("  " + ", ".join(f"Q{i} = {c!r}" for i, c in enumerate(coef)))


if __name__ == "__main__":
    main()
