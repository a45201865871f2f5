#!/usr/bin/python3
"""Writes a synthetic long price CSV for the import benchmark (deploy/bench.sh import).

--rows rows over --symbols symbols (B0001, B0002, ...), one close per symbol and NYSE trading day, the days
ending on --last (the trading days come from tests/oracles/nyse_calendar.py, so every row is valid). Rows are
in date order, then symbol, like a vendor's daily export; the header is date,symbol,close,volume. Deterministic:
the same arguments give the same file. Needs python3-pandas (deploy/ensure-deps.sh installs it).
"""
import argparse
import math
import os
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "oracles"))
from nyse_calendar import trading_days  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--symbols", type=int, default=2_500)
    parser.add_argument("--last", type=date.fromisoformat, default=date(2025, 12, 31))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    days_needed = math.ceil(args.rows / args.symbols)
    days = trading_days(args.last - timedelta(days=days_needed * 2 + 30), args.last)[-days_needed:]
    if len(days) < days_needed:
        sys.exit(f"generate-prices: only {len(days)} trading days before {args.last}")
    symbols = [f"B{i:04d}" for i in range(1, args.symbols + 1)]
    written = 0
    with open(args.out, "w", encoding="ascii", newline="\n") as out:
        out.write("date,symbol,close,volume\n")
        for d, day in enumerate(days):
            iso = day.isoformat()
            lines = []
            for s, symbol in enumerate(symbols):
                if written == args.rows:
                    break
                cents = 1000 + (s * 7919 + d * 104729) % 99000
                lines.append(f"{iso},{symbol},{cents // 100}.{cents % 100:02d},{(s + 1) * 1000 + d}\n")
                written += 1
            out.writelines(lines)
    print(f"generate-prices: {written} rows, {len(symbols)} symbols, {days[0]}..{days[-1]} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
