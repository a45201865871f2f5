#!/usr/bin/python3
"""Golden values for SigmaSight.Analytics.Options.BlackScholes (European, no dividends).

Independent of the C# code: textbook formulae (Hull, "Options, Futures and Other Derivatives", ch. 15/19)
with scipy.stats.norm for N and phi. Greeks are reported in the service's units:
gamma per $1 of underlying, theta per trading day (annual theta / 252), vega per vol point (x 0.01).

Run: /usr/bin/python3 tests/oracles/black_scholes_golden.py
Writes tests/SigmaSight.UnitTests/TestData/options/black_scholes_golden.csv
"""
import csv
import math
import pathlib

from scipy.stats import norm

OUT = pathlib.Path(__file__).resolve().parents[1] / "SigmaSight.UnitTests/TestData/options/black_scholes_golden.csv"

# kind, spot, strike, years, rate, vol
CASES = [
    ("call", 100.0, 100.0, 1.0, 0.04, 0.20),      # ATM, one year
    ("put", 100.0, 100.0, 1.0, 0.04, 0.20),
    ("call", 120.0, 100.0, 0.5, 0.04, 0.25),      # ITM call
    ("put", 120.0, 100.0, 0.5, 0.04, 0.25),       # OTM put
    ("call", 80.0, 100.0, 0.5, 0.04, 0.25),       # OTM call
    ("put", 80.0, 100.0, 0.5, 0.04, 0.25),        # ITM put
    ("call", 100.0, 100.0, 4 / 252, 0.04, 0.05),  # the P&L scenario option: ATM, 4 trading days, floor vol
    ("put", 100.0, 100.0, 4 / 252, 0.04, 0.05),
    ("call", 101.0, 100.0, 1 / 252, 0.04, 0.20),  # one trading day
    ("put", 99.0, 100.0, 1 / 252, 0.04, 0.20),
    ("call", 100.0, 100.0, 1e-4, 0.04, 0.20),     # tiny T, ATM
    ("call", 105.0, 100.0, 1e-4, 0.04, 0.20),     # tiny T, ITM: ~ S - K e^-rT
    ("put", 105.0, 100.0, 1e-4, 0.04, 0.20),      # tiny T, OTM: ~ 0
    ("call", 100.0, 100.0, 3.0, 0.04, 0.80),      # long T, high vol
    ("put", 100.0, 100.0, 3.0, 0.04, 0.80),
    ("call", 450.0, 500.0, 2.0, 0.05, 0.06),      # low vol, OTM, long T
    ("put", 450.0, 500.0, 2.0, 0.05, 0.06),
    ("call", 50.0, 40.0, 0.25, 0.00, 1.50),       # zero rate, very high vol
    ("put", 50.0, 40.0, 0.25, 0.00, 1.50),
    ("call", 100.0, 150.0, 0.1, 0.04, 0.10),      # deep OTM call, price ~ 0
    ("put", 100.0, 60.0, 0.1, 0.04, 0.30),        # deep OTM put
    ("put", 30.0, 100.0, 0.75, 0.04, 0.35),       # deep ITM put
]


def value(kind, s, k, t, r, sigma):
    d1 = (math.log(s / k) + (r + sigma ** 2 / 2) * t) / (sigma * math.sqrt(t))
    d2 = d1 - sigma * math.sqrt(t)
    disc = math.exp(-r * t)
    pdf = norm.pdf(d1)
    gamma = pdf / (s * sigma * math.sqrt(t))
    vega = s * pdf * math.sqrt(t)
    if kind == "call":
        price = s * norm.cdf(d1) - k * disc * norm.cdf(d2)
        delta = norm.cdf(d1)
        theta = -s * pdf * sigma / (2 * math.sqrt(t)) - r * k * disc * norm.cdf(d2)
    else:
        price = k * disc * norm.cdf(-d2) - s * norm.cdf(-d1)
        delta = norm.cdf(d1) - 1
        theta = -s * pdf * sigma / (2 * math.sqrt(t)) + r * k * disc * norm.cdf(-d2)
    return price, delta, gamma, theta / 252, vega * 0.01


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "spot", "strike", "years", "rate", "vol", "price", "delta", "gamma",
                    "theta_per_trading_day", "vega_per_vol_point"])
        for kind, s, k, t, r, sigma in CASES:
            row = [kind] + [repr(x) for x in (s, k, t, r, sigma)]
            row += [repr(float(x)) for x in value(kind, s, k, t, r, sigma)]
            w.writerow(row)
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
