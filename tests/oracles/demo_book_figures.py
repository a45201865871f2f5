#!/usr/bin/python3
"""Prints the demo's book figures from a database after a demo run (issue 8 point 7), read with SQL, not from the C#.

Per portfolio: snapshot count, annualised volatility of the stored daily returns (sample SD x sqrt 252), the smallest
and largest daily return and NAV, gross and net exposure over NAV (min-max over the snapshots) and the cash on the first
day; per option lot: quantity, strike, the underlying's close on the entry date, strike / spot (moneyness at entry),
entry premium, entry market value (qty x premium x 100) and underlying notional (qty x spot x 100); then the number of
securities and private valuation rows and the annualised volatility of a few synthetic ETFs' stored closes.

Run: /usr/bin/python3 tests/oracles/demo_book_figures.py --dsn "$(deploy/db.sh url)"
"""
import argparse
import math

import psycopg2

from recompute_snapshots import connection_kwargs

ETFS = ["BIL", "BND", "FXNAX", "GLD", "DJP", "VNQ", "SCHD", "JEPQ", "QQQ", "TLT", "SPY", "VIX"]


def annualised(returns):
    mean = sum(returns) / len(returns)
    return math.sqrt(sum((r - mean) ** 2 for r in returns) / (len(returns) - 1) * 252)


def portfolios(cur):
    cur.execute("SELECT id, name FROM sigmasight.portfolios ORDER BY name")
    print(f"{'portfolio':45} {'n':>3} {'vol':>7} {'min r':>7} {'max r':>7} {'min NAV':>12} {'max NAV':>12}"
          f" {'gross/NAV':>11} {'net/NAV':>11} {'cash day 1':>12}")
    for pid, name in cur.fetchall():
        cur.execute("""SELECT equity_balance, daily_return, gross_exposure, net_exposure, cash_value
                         FROM sigmasight.portfolio_snapshots WHERE portfolio_id = %s ORDER BY snapshot_date""", (pid,))
        rows = cur.fetchall()
        if len(rows) < 3:
            print(f"{name[:45]:45} {len(rows):3} (too few snapshots)")
            continue
        r = [float(x[1]) for x in rows[1:] if x[1] is not None]
        nav = [float(x[0]) for x in rows]
        gross = [float(x[2]) / float(x[0]) for x in rows]
        net = [float(x[3]) / float(x[0]) for x in rows]
        print(f"{name[:45]:45} {len(rows):3} {annualised(r):7.2%} {min(r):7.2%} {max(r):7.2%} {min(nav):12,.0f}"
              f" {max(nav):12,.0f} {min(gross):5.2f}-{max(gross):5.2f} {min(net):5.2f}-{max(net):5.2f}"
              f" {float(rows[0][4]):12,.0f}")


def options(cur):
    cur.execute("""SELECT p.symbol, p.quantity, p.strike_price, p.entry_price, pr.close
                     FROM sigmasight.positions p
                     JOIN sigmasight.prices pr ON pr.symbol = p.underlying_symbol AND pr.date = p.entry_date
                    WHERE p.investment_class = 'OPTIONS' ORDER BY p.symbol""")
    print(f"\n{'option':22} {'qty':>8} {'strike':>8} {'spot':>9} {'K/S':>6} {'premium':>9} {'entry MV':>10} {'notional':>11}")
    for symbol, qty, strike, premium, spot in cur.fetchall():
        q, k, e, s = float(qty), float(strike), float(premium), float(spot)
        print(f"{symbol:22} {q:8.2f} {k:8.2f} {s:9.2f} {k / s:6.3f} {e:9.4f} {q * e * 100:10,.0f} {q * s * 100:11,.0f}")


def reference(cur):
    cur.execute("SELECT count(*), count(sector) FROM sigmasight.securities")
    rows, sectors = cur.fetchone()
    cur.execute("SELECT count(*), count(DISTINCT position_id) FROM sigmasight.private_valuations")
    valuations, lots = cur.fetchone()
    print(f"\nsecurities: {rows} rows ({sectors} with a GICS sector); private valuations: {valuations} rows on {lots} lots")
    for symbol in ETFS:
        cur.execute("SELECT close FROM sigmasight.prices WHERE symbol = %s ORDER BY date", (symbol,))
        closes = [float(x[0]) for x in cur.fetchall()]
        if len(closes) > 2:
            returns = [closes[i] / closes[i - 1] - 1 for i in range(1, len(closes))]
            print(f"  {symbol:6} annualised vol {annualised(returns):7.2%} over {len(returns)} returns")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dsn", required=True, help="libpq DSN/URI or Npgsql connection string")
    args = parser.parse_args()
    with psycopg2.connect(**connection_kwargs(args.dsn)) as conn, conn.cursor() as cur:
        portfolios(cur)
        options(cur)
        reference(cur)


if __name__ == "__main__":
    main()
