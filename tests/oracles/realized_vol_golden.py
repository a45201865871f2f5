#!/usr/bin/python3
"""Golden values for SigmaSight.Analytics.Returns.RealizedVolatility.Annualized.

vol = sample SD (ddof=1) of the last `window` simple returns c[i]/c[i-1] - 1, times sqrt(252), by numpy.
Closes come from a seeded geometric random walk rounded to 6 dp (as stored in prices.close numeric(20,6)).
Each row: series name, window, expected vol ("" when fewer than `window` returns), closes (space-separated).

Run: /usr/bin/python3 tests/oracles/realized_vol_golden.py
Writes tests/SigmaSight.UnitTests/TestData/returns/realized_vol_golden.csv
"""
import csv
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "SigmaSight.UnitTests/TestData/returns/realized_vol_golden.csv"


def walk(seed, n, start, daily_sd):
    rng = np.random.RandomState(seed)
    closes = start * np.cumprod(1 + rng.normal(0.0003, daily_sd, n))
    return [round(float(c), 6) for c in closes]


def vol(closes, window):
    c = np.array(closes, dtype=float)
    if len(c) - 1 < window:
        return None
    returns = c[1:] / c[:-1] - 1
    return float(np.std(returns[-window:], ddof=1) * np.sqrt(252))


SERIES = {
    "calm100": walk(7, 100, 100.0, 0.006),      # ~10% annual vol, 99 returns
    "wild64": walk(11, 64, 250.0, 0.035),       # ~55% annual vol, exactly 63 returns
    "short30": walk(3, 30, 40.0, 0.015),        # 29 returns: too short for 63
    "tiny3": [100.0, 101.0, 99.99],             # hand check: returns 0.01, -0.01 -> SD 0.0141421356 * sqrt(252)
}
WINDOWS = {"calm100": [2, 21, 63, 99], "wild64": [63], "short30": [21, 29, 63], "tiny3": [2, 3]}


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with OUT.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["series", "window", "vol", "closes"])
        for name, closes in SERIES.items():
            for window in WINDOWS[name]:
                v = vol(closes, window)
                w.writerow([name, window, "" if v is None else repr(v), " ".join(repr(c) for c in closes)])
                rows += 1
    print(f"wrote {rows} cases to {OUT}")


if __name__ == "__main__":
    main()
