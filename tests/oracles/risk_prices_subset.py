#!/usr/bin/python3
"""Copies the closes the portfolio-risk golden tests need out of the shared Dow Jones 30 data set.

Input:  the shared copy of the data, `prices.csv` (long format: date,symbol,close), path as the only argument
        (default /work/shared/data/dowjones30/prices.csv).
Output: tests/SigmaSight.UnitTests/TestData/risk/dowjones30_closes_2000.csv — wide format, one row per date
        (ascending), one column per symbol (sorted, NYA included), the last ROWS dates up to and including D.
        Close strings are copied verbatim (no float round trip), so the values are the source's.

Run: /usr/bin/python3 tests/oracles/risk_prices_subset.py [path/to/prices.csv]
"""
import csv
import pathlib
import sys

D = "2000-12-29"   # business date of the golden portfolios (last trading day of 2000)
ROWS = 281         # 281 closes -> 280 returns: 252 for VaR/EWMA plus 28 older ones the kernels must ignore
OUT = pathlib.Path(__file__).resolve().parents[1] / "SigmaSight.UnitTests/TestData/risk/dowjones30_closes_2000.csv"


def main():
    source = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/dowjones30/prices.csv")
    closes = {}
    with source.open(newline="") as f:
        for row in csv.DictReader(f):
            if row["date"] <= D:
                closes.setdefault(row["date"], {})[row["symbol"]] = row["close"]
    dates = sorted(closes)[-ROWS:]
    symbols = sorted({s for d in dates for s in closes[d]})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date"] + symbols)
        for d in dates:
            w.writerow([d] + [closes[d][s] for s in symbols])  # KeyError = a gap in the source: fail loudly
    print(f"wrote {len(dates)} dates x {len(symbols)} symbols ({dates[0]} .. {dates[-1]}) to {OUT}")


if __name__ == "__main__":
    main()
