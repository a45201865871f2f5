#!/usr/bin/python3
"""Response bodies of the fake Financial Modeling Prep server (tests/SigmaSight.UnitTests/MarketData/Http).

Financial Modeling Prep answers GET /api/v3/historical-price-full/{symbol}?from=&to= with
{"symbol": SYMBOL, "historical": [{"date": "YYYY-MM-DD", "close": ...}, ...]}, newest first, and an unknown symbol
with {}. These bodies replay that shape with the real closes of IBM and MSFT for December 2000 from
data/dowjones30/prices.csv.gz (the repository's copy of the Dow Jones 30 file), plus the malformed answers the provider must refuse: a body that is not JSON (a
truncated answer), a row whose close is a string, and an answer with no 'historical' array. The expected closes
(ibm_closes.csv) are the same rows oldest first, read independently of the JSON.

Run: /usr/bin/python3 tests/oracles/fmp_bodies.py [path to prices.csv or prices.csv.gz]
Writes tests/SigmaSight.UnitTests/TestData/MarketData/Fmp/*
"""
import csv
import gzip
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "SigmaSight.UnitTests/TestData/MarketData/Fmp"
PRICES = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "data/dowjones30/prices.csv.gz"
FROM, TO = "2000-12-01", "2000-12-29"


def closes(symbol):
    opener = gzip.open if PRICES.suffix == ".gz" else open
    with opener(PRICES, "rt", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["symbol"] == symbol and FROM <= r["date"] <= TO]
    return sorted(((r["date"], r["close"]) for r in rows), reverse=True)


def body(symbol):
    return {"symbol": symbol, "historical": [{"date": d, "close": float(c)} for d, c in closes(symbol)]}


def write(name, text):
    (OUT / name).write_text(text, encoding="utf-8", newline="\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for symbol in ("IBM", "MSFT"):
        write(f"{symbol}.json", json.dumps(body(symbol), indent=2, sort_keys=True) + "\n")
    write("IBM_closes.csv", "date,close\n" + "".join(f"{d},{c}\n" for d, c in sorted(closes("IBM"))))
    whole = json.dumps(body("IBM"), indent=2, sort_keys=True)
    write("truncated.json", whole[: len(whole) // 2])
    bad = body("IBM")
    bad["historical"][2]["close"] = "n/a"
    write("string_close.json", json.dumps(bad, indent=2, sort_keys=True) + "\n")
    write("no_historical.json", json.dumps({"symbol": "IBM", "prices": []}, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
