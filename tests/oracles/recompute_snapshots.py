#!/usr/bin/python3
"""Independent oracle: recompute every stored portfolio snapshot from positions, flows and prices.

Written from the P&L contract (DESIGN §6 / notes/contract.md), not from the C# code. For every stored
sigmasight.portfolio_snapshots row in scope it recomputes, from the portfolio's inception onwards and
using only its own numbers (its own NAV of the previous trading day, its own cumulatives):
  equity_balance, cash_value, daily_pnl, daily_return, cumulative_pnl, daily_realized_pnl,
  cumulative_realized_pnl, daily_capital_flow, cumulative_capital_flow, long_value, short_value,
  gross_exposure, net_exposure, num_positions, num_long_positions, num_short_positions,
  stale_price_count
and, where position_values rows exist for a snapshot, the per-lot market_value, unrealized_pnl,
price and price_date. Money is decimal.Decimal, rounded 2 dp half away from zero only where the
contract rounds; a snapshot date must be a trading day and a portfolio may not skip one.

Usage:
  /usr/bin/python3 tests/oracles/recompute_snapshots.py --dsn "Host=127.0.0.1;Port=5433;..." \
      [--portfolio UUID ...] [--from DATE] [--to DATE] [--json-out FILE] [--skip-position-values] [--allow-empty]
      [--lots-csv FILE] [--flows-csv FILE]
  --dsn also takes a libpq "host=... dbname=..." string or a postgresql:// URI. --from/--to limit which
  snapshots are compared (and where gaps are looked for); recomputation always starts at inception.
  --lots-csv/--flows-csv take the lots, flows and inception of the portfolios the import files name from those
  files (tests/oracles/book_csv.py) instead of the database.
Output: a table of compared values and mismatches per field, up to 20 mismatches as
  "<portfolio name> <date> <field> stored=X recomputed=Y", then
  "recompute: <N> snapshots, <M> fields compared, <K> mismatches".
Exit: 0 every compared value matches exactly; 1 mismatches, gaps or unrecomputable snapshots
(or no snapshot in scope, unless --allow-empty); 2 usage, calendar-module or database errors.
Requires tests/oracles/nyse_calendar.py (trading_days(start, end, extra_closures=())).
"""
import argparse
import bisect
import json
import math
import os
import sys
from collections import OrderedDict, defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 80  # sums of qty(6 dp) x price(6 dp) x 100 stay exact

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    import numpy as np
    import psycopg2
    from scipy.stats import norm
except ImportError as exc:  # pragma: no cover - environment problem
    print(f"recompute: missing Python module ({exc}); apt-get install -y python3-numpy python3-scipy "
          "python3-psycopg2", file=sys.stderr)
    sys.exit(2)
try:
    import book_csv
    from nyse_calendar import trading_days
except ImportError as exc:
    print(f"recompute: cannot import trading_days from tests/oracles/nyse_calendar.py ({exc})", file=sys.stderr)
    sys.exit(2)

CENT = Decimal("0.01")
RETURN_QUANTUM = Decimal("0.0000000001")
OPTION_PRICE_TOLERANCE = Decimal("0.000001")  # per-unit option price is stored numeric(20,6)
ZERO = Decimal(0)
HUNDRED = Decimal(100)
RISK_FREE = 0.04
VOL_FLOOR = 0.05
VOL_RETURNS = 63
STALE_WINDOW = 5
OPTION_TYPES = {"LC": "call", "SC": "call", "LP": "put", "SP": "put"}
STOCK_TYPES = {"LONG", "SHORT"}
MAX_PRINTED = 20

SNAPSHOT_FIELDS = [
    "equity_balance", "cash_value", "daily_pnl", "daily_return", "cumulative_pnl", "daily_realized_pnl",
    "cumulative_realized_pnl", "daily_capital_flow", "cumulative_capital_flow", "long_value",
    "short_value", "gross_exposure", "net_exposure", "num_positions", "num_long_positions",
    "num_short_positions", "stale_price_count",
]
POSITION_VALUE_FIELDS = ["market_value", "unrealized_pnl", "price", "price_date"]


class UsageError(Exception):
    """Bad arguments or a database that cannot be read: exit 2."""


class RecomputeError(Exception):
    """The contract says the batch must fail here (missing price, short history, bad data)."""


def round2(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def to_decimal(x):
    """A float from the option model as Decimal via its shortest repr."""
    return Decimal(repr(float(x)))


# ----------------------------------------------------------------------------- connection string
NPGSQL_KEYS = {
    "host": "host", "server": "host", "port": "port", "database": "dbname", "initial catalog": "dbname",
    "db": "dbname", "username": "user", "user name": "user", "user id": "user", "userid": "user",
    "user": "user", "uid": "user", "password": "password", "pwd": "password", "psw": "password",
    "ssl mode": "sslmode", "sslmode": "sslmode", "timeout": "connect_timeout",
    "application name": "application_name", "applicationname": "application_name",
    "options": "options", "passfile": "passfile", "target session attributes": "target_session_attrs",
}
SSL_MODES = {"disable": "disable", "allow": "allow", "prefer": "prefer", "require": "require",
             "verifyca": "verify-ca", "verify-ca": "verify-ca", "verifyfull": "verify-full",
             "verify-full": "verify-full"}


def split_npgsql(conn):
    """Split 'Key=Value;Key2="quoted;value"' as DbConnectionStringBuilder does (quotes, doubled quotes)."""
    pairs, i, n = [], 0, len(conn)
    while i < n:
        while i < n and conn[i] in "; \t":
            i += 1
        if i >= n:
            break
        eq = conn.find("=", i)
        if eq < 0:
            raise UsageError(f"connection string: no '=' after {conn[i:]!r}")
        key = conn[i:eq].strip().lower()
        i = eq + 1
        while i < n and conn[i] in " \t":
            i += 1
        if i < n and conn[i] in "\"'":
            quote, i, buf = conn[i], i + 1, []
            while True:
                if i >= n:
                    raise UsageError("connection string: unterminated quote")
                if conn[i] == quote:
                    if i + 1 < n and conn[i + 1] == quote:
                        buf.append(quote)
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(conn[i])
                i += 1
            value = "".join(buf)
            while i < n and conn[i] != ";":
                i += 1
        else:
            semi = conn.find(";", i)
            semi = n if semi < 0 else semi
            value, i = conn[i:semi].strip(), semi
        pairs.append((key, value))
    return pairs


def connection_kwargs(dsn):
    """psycopg2.connect kwargs from a libpq DSN/URI or an Npgsql connection string."""
    text = dsn.strip()
    if text.startswith(("postgresql://", "postgres://")):
        return {"dsn": text}
    if ";" not in text and all(part.split("=", 1)[0].islower() for part in text.split() if "=" in part):
        return {"dsn": text}  # libpq key=value form
    kwargs = {}
    for key, value in split_npgsql(text):
        target = NPGSQL_KEYS.get(key)
        if target is None or value == "":
            continue  # e.g. Include Error Detail, Pooling, Maximum Pool Size
        if target == "sslmode":
            value = SSL_MODES.get(value.replace(" ", "").lower(), value.lower())
        kwargs[target] = value
    if not kwargs:
        raise UsageError(f"connection string has no usable keys: {dsn!r}")
    return kwargs


# ----------------------------------------------------------------------------- calendar
class Calendar:
    def __init__(self, start, end, extra_closures):
        self.start, self.end = start, end
        self.days = list(trading_days(start, end, extra_closures=tuple(extra_closures)))
        self.index = {d: i for i, d in enumerate(self.days)}

    def _check(self, d):
        if not self.start <= d <= self.end:
            raise RecomputeError(f"date {d} outside the loaded calendar {self.start}..{self.end}")

    def is_trading(self, d):
        return d in self.index

    def eff(self, d):
        """d if a trading day, else the next trading day."""
        self._check(d)
        i = bisect.bisect_left(self.days, d)
        if i >= len(self.days):
            raise RecomputeError(f"no trading day on or after {d} in the loaded calendar")
        return self.days[i]

    def last_on_or_before(self, d):
        self._check(d)
        i = bisect.bisect_right(self.days, d) - 1
        if i < 0:
            raise RecomputeError(f"no trading day on or before {d} in the loaded calendar")
        return self.days[i]

    def minus(self, d, n):
        """The trading day n trading days before trading day d."""
        i = self.index[d] - n
        if i < 0:
            raise RecomputeError(f"calendar does not reach {n} trading days before {d}")
        return self.days[i]

    def count_after_through(self, a, b):
        """Number of trading days in (a, b]."""
        self._check(b)
        return bisect.bisect_right(self.days, b) - bisect.bisect_right(self.days, a)

    def between(self, a, b):
        return self.days[bisect.bisect_left(self.days, a):bisect.bisect_right(self.days, b)]


# ----------------------------------------------------------------------------- loading
def fetch(cur, sql, args=None):
    cur.execute(sql, args)
    cols = [c.name for c in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def load(conn, portfolio_ids, extra_symbols=()):
    cur = conn.cursor()
    if portfolio_ids:
        portfolios = fetch(cur, "SELECT id::text AS id, name, inception_date FROM sigmasight.portfolios "
                                "WHERE id::text = ANY(%s) ORDER BY name, id", (list(portfolio_ids),))
        missing = set(portfolio_ids) - {p["id"] for p in portfolios}
        if missing:
            raise UsageError(f"unknown portfolio id(s): {', '.join(sorted(missing))}")
    else:
        portfolios = fetch(cur, "SELECT id::text AS id, name, inception_date FROM sigmasight.portfolios "
                                "ORDER BY name, id")
    ids = [p["id"] for p in portfolios]
    data = {"portfolios": portfolios}
    data["positions"] = fetch(cur, """
        SELECT id::text AS id, portfolio_id::text AS portfolio_id, symbol, position_type, investment_class,
               quantity, entry_price, entry_date, exit_price, exit_date, underlying_symbol, strike_price,
               expiration_date, lot_index
        FROM sigmasight.positions WHERE portfolio_id::text = ANY(%s)
        ORDER BY portfolio_id, symbol, lot_index, id""", (ids,))
    data["flows"] = fetch(cur, """
        SELECT portfolio_id::text AS portfolio_id, change_date, change_type, amount
        FROM sigmasight.equity_changes WHERE portfolio_id::text = ANY(%s)""", (ids,))
    data["valuations"] = fetch(cur, """
        SELECT v.position_id::text AS position_id, v.valuation_date, v.value
        FROM sigmasight.private_valuations v JOIN sigmasight.positions p ON p.id = v.position_id
        WHERE p.portfolio_id::text = ANY(%s) ORDER BY v.position_id, v.valuation_date""", (ids,))
    data["closures"] = [r["date"] for r in fetch(cur, "SELECT date FROM sigmasight.market_closures")]
    symbols = sorted({p["symbol"] for p in data["positions"] if p["investment_class"] == "PUBLIC"}
                     | {p["underlying_symbol"] for p in data["positions"]
                        if p["investment_class"] == "OPTIONS" and p["underlying_symbol"]}
                     | set(extra_symbols))
    data["prices"] = fetch(cur, "SELECT symbol, date, close FROM sigmasight.prices WHERE symbol = ANY(%s) "
                                "AND close IS NOT NULL ORDER BY symbol, date", (symbols,))
    data["snapshots"] = fetch(cur, "SELECT portfolio_id::text AS portfolio_id, snapshot_date, "
                                   + ", ".join(SNAPSHOT_FIELDS)
                                   + " FROM sigmasight.portfolio_snapshots WHERE portfolio_id::text = ANY(%s) "
                                     "ORDER BY portfolio_id, snapshot_date", (ids,))
    data["position_values"] = fetch(cur, """
        SELECT position_id::text AS position_id, portfolio_id::text AS portfolio_id, value_date, price,
               price_date, market_value, unrealized_pnl
        FROM sigmasight.position_values WHERE portfolio_id::text = ANY(%s)""", (ids,))
    cur.close()
    return data


# ----------------------------------------------------------------------------- market data
class Market:
    def __init__(self, calendar, price_rows):
        self.cal = calendar
        self.series = {}
        by_symbol = defaultdict(list)
        for r in price_rows:
            by_symbol[r["symbol"]].append((r["date"], r["close"]))
        for symbol, rows in by_symbol.items():
            rows.sort()
            self.series[symbol] = ([d for d, _ in rows], [c for _, c in rows],
                                   np.array([float(c) for _, c in rows], dtype=float))
        self._vol_cache = {}

    def price(self, symbol, d):
        """(close, price_date, stale) for trading day d under the 5-trading-day stale rule."""
        dates, closes, _ = self.series.get(symbol, ([], [], None))
        i = bisect.bisect_right(dates, d) - 1
        if i >= 0 and dates[i] == d:
            return closes[i], d, False
        if i >= 0 and dates[i] >= self.cal.minus(d, STALE_WINDOW):
            return closes[i], dates[i], True
        raise RecomputeError(f"missing price for {symbol} on {d}: no close within {STALE_WINDOW} trading days")

    def volatility(self, symbol, d, option_label):
        """Sample SD (ddof=1) of the last 63 simple returns of the closes on or before d, x sqrt(252), floor 5%."""
        key = (symbol, d)
        if key not in self._vol_cache:
            dates, _, floats = self.series.get(symbol, ([], [], np.array([])))
            i = bisect.bisect_right(dates, d) - 1
            if i < VOL_RETURNS:
                raise RecomputeError(f"option {option_label}: fewer than {VOL_RETURNS} returns of {symbol} up to "
                                     f"{d} ({max(i, 0)} available)")
            closes = floats[i - VOL_RETURNS:i + 1]
            returns = closes[1:] / closes[:-1] - 1.0
            sigma = float(np.std(returns, ddof=1)) * math.sqrt(252.0)
            self._vol_cache[key] = max(sigma, VOL_FLOOR)
        return self._vol_cache[key]


def black_scholes(spot, strike, years, rate, sigma, kind):
    """European Black-Scholes price per unit, no dividends."""
    sqrt_t = math.sqrt(years)
    d1 = (math.log(spot / strike) + (rate + 0.5 * sigma * sigma) * years) / (sigma * sqrt_t)
    d2 = d1 - sigma * sqrt_t
    discounted_strike = strike * math.exp(-rate * years)
    if kind == "call":
        return spot * norm.cdf(d1) - discounted_strike * norm.cdf(d2)
    return discounted_strike * norm.cdf(-d2) - spot * norm.cdf(-d1)


# ----------------------------------------------------------------------------- lots
class Lot:
    def __init__(self, row, cal, valuations):
        self.id = row["id"]
        self.symbol = row["symbol"]
        self.label = f"{row['symbol']}#{row['lot_index'] if row['lot_index'] is not None else row['id'][:8]}"
        self.position_type = row["position_type"]
        self.investment_class = row["investment_class"]
        self.qty = row["quantity"]
        self.entry_price = row["entry_price"]
        self.exit_price = row["exit_price"]
        self.underlying = row["underlying_symbol"]
        self.strike = row["strike_price"]
        self.expiration = row["expiration_date"]
        if self.qty is None or self.entry_price is None or row["entry_date"] is None:
            raise RecomputeError(f"position {self.label}: quantity, entry_price and entry_date are required")
        if (row["exit_date"] is None) != (self.exit_price is None):
            raise RecomputeError(f"position {self.label}: exit_date and exit_price must be set together")
        self.is_option = self.investment_class == "OPTIONS"
        if self.is_option:
            if self.position_type not in OPTION_TYPES:
                raise RecomputeError(f"position {self.label}: OPTIONS with position_type {self.position_type}")
            if not self.underlying or self.strike is None or self.expiration is None:
                raise RecomputeError(f"option {self.label}: underlying, strike and expiration are required")
            self.kind = OPTION_TYPES[self.position_type]
        elif self.investment_class in ("PUBLIC", "PRIVATE"):
            if self.position_type not in STOCK_TYPES:
                raise RecomputeError(f"position {self.label}: {self.investment_class} with position_type "
                                     f"{self.position_type}")
        else:
            raise RecomputeError(f"position {self.label}: unknown investment_class {self.investment_class}")
        self.mult = HUNDRED if self.is_option else Decimal(1)
        self.cost = self.qty * self.entry_price * self.mult
        self.eff_entry = cal.eff(row["entry_date"])
        self.eff_exit = cal.eff(row["exit_date"]) if row["exit_date"] is not None else None
        self.settle_date = cal.last_on_or_before(self.expiration) if self.is_option else None
        # An option exited on or before its settle date is disposed of by the exit and does not settle.
        self.settles = self.is_option and (self.eff_exit is None or self.eff_exit > self.settle_date)
        if self.is_option and self.eff_entry > self.settle_date:
            raise RecomputeError(f"option {self.label}: entered after its settle date {self.settle_date}")
        if self.is_option and self.eff_exit is not None and self.eff_exit > self.settle_date:
            raise RecomputeError(f"option {self.label}: exited after its settle date {self.settle_date}")
        self.valuations = valuations  # [(date, value)] ascending
        self.valuation_dates = [v[0] for v in valuations]
        self.intrinsic = None

    def is_open(self, d):
        return (self.eff_entry <= d and (self.eff_exit is None or self.eff_exit > d)
                and (not self.is_option or self.settle_date > d))

    def settlement_intrinsic(self, market):
        if self.intrinsic is None:
            spot, _, _ = market.price(self.underlying, self.settle_date)
            diff = spot - self.strike if self.kind == "call" else self.strike - spot
            self.intrinsic = max(diff, ZERO)
        return self.intrinsic

    def value(self, d, market, cal):
        """(per-unit value, price_date, stale) at the close of trading day d."""
        if self.investment_class == "PUBLIC":
            return market.price(self.symbol, d)
        if self.investment_class == "PRIVATE":
            i = bisect.bisect_right(self.valuation_dates, d) - 1
            if i >= 0:
                return self.valuations[i][1], self.valuations[i][0], False
            return self.entry_price, None, False
        spot, price_date, stale = market.price(self.underlying, d)
        sigma = market.volatility(self.underlying, d, self.label)
        years = cal.count_after_through(d, self.expiration) / 252.0
        unit = black_scholes(float(spot), float(self.strike), years, RISK_FREE, sigma, self.kind)
        return to_decimal(unit), price_date, stale


# ----------------------------------------------------------------------------- the P&L model
def recompute_portfolio(portfolio, lots, flows, market, cal, last_day):
    """{trading day: result dict or RecomputeError} from eff(inception) through last_day."""
    first_day = cal.eff(portfolio["inception_date"])
    signed_flows = []
    for f in flows:
        if f["change_type"] not in ("CONTRIBUTION", "WITHDRAWAL"):
            raise RecomputeError(f"equity change of type {f['change_type']}")
        sign = 1 if f["change_type"] == "CONTRIBUTION" else -1
        signed_flows.append((cal.eff(f["change_date"]), sign * f["amount"]))
    results = OrderedDict()
    nav_prev = cum_pnl = cum_realized = cum_flow = ZERO
    failure = None
    for d in cal.between(first_day, last_day):
        if failure is not None:
            results[d] = RecomputeError(f"not recomputable after the error on {failure[0]}: {failure[1]}")
            continue
        try:
            results[d] = day = recompute_day(d, lots, signed_flows, market, cal, nav_prev)
        except RecomputeError as exc:
            failure = (d, exc)
            results[d] = exc
            continue
        cum_pnl += day["daily_pnl"]
        cum_realized += day["daily_realized_pnl"]
        cum_flow += day["daily_capital_flow"]
        day["cumulative_pnl"] = cum_pnl
        day["cumulative_realized_pnl"] = cum_realized
        day["cumulative_capital_flow"] = cum_flow
        nav_prev = day["equity_balance"]
    return first_day, results


def recompute_day(d, lots, signed_flows, market, cal, nav_prev):
    cash = sum((amount for eff, amount in signed_flows if eff <= d), ZERO)
    flow = sum((amount for eff, amount in signed_flows if eff == d), ZERO)
    realized = ZERO
    for lot in lots:
        if lot.eff_entry <= d:
            cash -= lot.cost
        if lot.eff_exit is not None and lot.eff_exit <= d:
            cash += lot.qty * lot.exit_price * lot.mult
            if lot.eff_exit == d:
                realized += (lot.exit_price - lot.entry_price) * lot.qty * lot.mult
        if lot.settles and lot.settle_date <= d:
            intrinsic = lot.settlement_intrinsic(market)
            cash += lot.qty * intrinsic * HUNDRED
            if lot.settle_date == d:
                realized += (intrinsic - lot.entry_price) * lot.qty * HUNDRED
    mv_sum = long_sum = short_sum = gross_sum = ZERO
    n_open = n_long = n_stale = 0
    lot_values = {}
    for lot in lots:
        if not lot.is_open(d):
            continue
        unit, price_date, stale = lot.value(d, market, cal)
        mv = lot.qty * unit * lot.mult
        lot_values[lot.id] = {"lot": lot, "unit": unit, "price_date": price_date, "mv": mv}
        mv_sum += mv
        gross_sum += abs(mv)
        if mv > 0:
            long_sum += mv
        elif mv < 0:
            short_sum += mv
        n_open += 1
        n_long += 1 if lot.qty > 0 else 0
        n_stale += 1 if stale else 0
    nav = round2(cash + mv_sum)
    daily_pnl = nav - nav_prev - flow
    daily_return = (daily_pnl / nav_prev).quantize(RETURN_QUANTUM, rounding=ROUND_HALF_UP) if nav_prev > 0 else None
    return {
        "equity_balance": nav, "cash_value": round2(cash), "daily_pnl": daily_pnl, "daily_return": daily_return,
        "daily_realized_pnl": round2(realized), "daily_capital_flow": flow,
        "long_value": round2(long_sum), "short_value": round2(short_sum), "gross_exposure": round2(gross_sum),
        "net_exposure": round2(mv_sum), "num_positions": n_open, "num_long_positions": n_long,
        "num_short_positions": n_open - n_long, "stale_price_count": n_stale,
        "_cash_unrounded": cash, "_mv_unrounded": mv_sum, "_lots": lot_values,
    }


# ----------------------------------------------------------------------------- comparison
class Report:
    def __init__(self):
        self.counts = OrderedDict()
        self.mismatches = []
        self.snapshots = 0
        self.notes = []

    def compare(self, portfolio, day, field, stored, expected, equal):
        key = field_key(field)
        compared, bad = self.counts.get(key, (0, 0))
        ok = equal(stored, expected)
        self.counts[key] = (compared + 1, bad + (0 if ok else 1))
        if not ok:
            self.problem(portfolio, day, field, stored, expected)

    def problem(self, portfolio, day, field, stored, expected):
        self.mismatches.append({"portfolio": portfolio["name"], "portfolio_id": portfolio["id"],
                                "date": day.isoformat(), "field": field,
                                "stored": show(stored), "recomputed": show(expected)})

    @property
    def fields_compared(self):
        return sum(c for c, _ in self.counts.values())


def show(value):
    if value is None:
        return None
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def exact(stored, expected):
    if stored is None or expected is None:
        return stored is None and expected is None
    return Decimal(stored) == Decimal(expected)


def same_date(stored, expected):
    return stored == expected


def within_option_tolerance(stored, expected):
    return stored is not None and abs(Decimal(stored) - expected) <= OPTION_PRICE_TOLERANCE


def compare_position_values(report, portfolio, day, result, rows, labels):
    expected = result["_lots"]
    for row in rows:
        item = expected.get(row["position_id"])
        if item is None:
            label = labels.get(row["position_id"], row["position_id"])
            report.problem(portfolio, day, f"position_values[{label}].row", "present",
                           "lot not open at the close of this day")
            continue
        lot = item["lot"]
        name = f"position_values[{lot.label}]"
        report.compare(portfolio, day, f"{name}.market_value", row["market_value"], round2(item["mv"]), exact)
        report.compare(portfolio, day, f"{name}.unrealized_pnl", row["unrealized_pnl"],
                       round2(item["mv"] - lot.cost), exact)
        if lot.is_option:
            report.compare(portfolio, day, f"{name}.price", row["price"], item["unit"], within_option_tolerance)
        else:
            report.compare(portfolio, day, f"{name}.price", row["price"], item["unit"], exact)
        if lot.investment_class == "PUBLIC":
            report.compare(portfolio, day, f"{name}.price_date", row["price_date"], item["price_date"], same_date)
    present = {row["position_id"] for row in rows}
    for lot_id, item in expected.items():
        if lot_id not in present:
            report.problem(portfolio, day, f"position_values[{item['lot'].label}].row", "missing",
                           "lot open at the close of this day")


def field_key(name):
    """Collapse per-lot position_values fields into one counter per column for the table."""
    if name.startswith("position_values["):
        return "position_values." + name.rsplit(".", 1)[1]
    return name


def check(data, date_from, date_to, check_position_values):
    report = Report()
    dates = [p["inception_date"] for p in data["portfolios"]]
    for p in data["positions"]:
        dates += [d for d in (p["entry_date"], p["exit_date"], p["expiration_date"]) if d is not None]
    dates += [f["change_date"] for f in data["flows"]] + [v["valuation_date"] for v in data["valuations"]]
    dates += [s["snapshot_date"] for s in data["snapshots"]] + list(data["closures"])
    if not dates:
        return report
    cal = Calendar(min(dates) - timedelta(days=40), max(dates) + timedelta(days=40), data["closures"])
    market = Market(cal, data["prices"])
    valuations = defaultdict(list)
    for v in data["valuations"]:
        valuations[v["position_id"]].append((v["valuation_date"], v["value"]))
    positions, flows, snapshots, pvs = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    for p in data["positions"]:
        positions[p["portfolio_id"]].append(p)
    for f in data["flows"]:
        flows[f["portfolio_id"]].append(f)
    for s in data["snapshots"]:
        snapshots[s["portfolio_id"]].append(s)
    for r in data["position_values"]:
        pvs[(r["portfolio_id"], r["value_date"])].append(r)
    without_pv = 0
    for portfolio in data["portfolios"]:
        stored = snapshots[portfolio["id"]]
        in_scope = [s for s in stored if (date_from is None or s["snapshot_date"] >= date_from)
                    and (date_to is None or s["snapshot_date"] <= date_to)]
        report.snapshots += len(in_scope)
        if not stored:
            continue
        latest = max(s["snapshot_date"] for s in stored)
        last_needed = max((s["snapshot_date"] for s in in_scope), default=latest)
        try:
            lots = [Lot(p, cal, valuations[p["id"]]) for p in positions[portfolio["id"]]]
            first_day, results = recompute_portfolio(portfolio, lots, flows[portfolio["id"]], market, cal,
                                                     cal.last_on_or_before(last_needed))
        except RecomputeError as exc:
            for s in in_scope:
                report.problem(portfolio, s["snapshot_date"], "recompute", "snapshot", f"ERROR: {exc}")
            continue
        # one snapshot per trading day from inception to the latest snapshot
        have = {s["snapshot_date"] for s in stored}
        lo = max(first_day, date_from) if date_from else first_day
        hi = min(latest, date_to) if date_to else latest
        for d in cal.between(lo, hi):
            if d not in have:
                report.problem(portfolio, d, "gap", "missing", "a snapshot for this trading day")
        for s in in_scope:
            d = s["snapshot_date"]
            if not cal.is_trading(d):
                report.problem(portfolio, d, "snapshot_date", d, "not an NYSE trading day")
                continue
            if d < first_day:
                report.problem(portfolio, d, "snapshot_date", d, f"before the first trading day {first_day}")
                continue
            result = results[d]
            if isinstance(result, RecomputeError):
                report.problem(portfolio, d, "recompute", "snapshot", f"ERROR: {result}")
                continue
            for field in SNAPSHOT_FIELDS:
                if field.startswith("num_") or field == "stale_price_count":
                    report.compare(portfolio, d, field, s[field], result[field],
                                   lambda a, b: a is not None and int(a) == b)
                else:
                    report.compare(portfolio, d, field, s[field], result[field], exact)
            if check_position_values:
                rows = pvs.get((portfolio["id"], d), [])
                if rows:
                    compare_position_values(report, portfolio, d, result, rows, {lot.id: lot.label for lot in lots})
                else:
                    without_pv += 1
    if check_position_values and without_pv:
        report.notes.append(f"position_values: none stored for {without_pv} snapshot(s); not compared there")
    return report


# ----------------------------------------------------------------------------- main
def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dsn", required=True, help="libpq DSN/URI or Npgsql connection string")
    parser.add_argument("--portfolio", action="append", default=[], metavar="UUID")
    parser.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="DATE")
    parser.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="DATE")
    parser.add_argument("--json-out", metavar="FILE")
    parser.add_argument("--skip-position-values", action="store_true")
    parser.add_argument("--allow-empty", action="store_true", help="exit 0 when no snapshot is in scope")
    parser.add_argument("--lots-csv", metavar="FILE", help="lots of the portfolios it names, from an import file")
    parser.add_argument("--flows-csv", metavar="FILE", help="capital flows of the portfolios it names, from an import file")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        raise SystemExit(0 if exc.code == 0 else 2) from None
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError("--from is after --to")
    import uuid
    try:
        args.portfolio = [str(uuid.UUID(p)) for p in args.portfolio]
    except ValueError as exc:
        raise UsageError(f"--portfolio: {exc}") from None
    return args


def print_report(report):
    totals = OrderedDict(report.counts)
    for m in report.mismatches:  # findings that are not a field comparison
        key = field_key(m["field"])
        if key in ("gap", "recompute", "snapshot_date", "position_values.row"):
            c, b = totals.get(key, (0, 0))
            totals[key] = (c, b + 1)
    width = max([len("field")] + [len(k) for k in totals])
    print(f"{'field':<{width}}  {'compared':>8}  {'mismatches':>10}")
    for field, (compared, bad) in totals.items():
        print(f"{field:<{width}}  {compared:>8}  {bad:>10}")
    for note in report.notes:
        print(f"note: {note}")
    findings = [m for m in report.mismatches if m["field"] != "gap"] + [m for m in report.mismatches
                                                                       if m["field"] == "gap"]
    for m in findings[:MAX_PRINTED]:
        print(f"{m['portfolio']} {m['date']} {m['field']} stored={m['stored']} recomputed={m['recomputed']}")
    if len(report.mismatches) > MAX_PRINTED:
        print(f"... {len(report.mismatches) - MAX_PRINTED} more mismatch(es)")


def main(argv=None):
    try:
        args = parse_args(argv)
        kwargs = connection_kwargs(args.dsn)
        try:
            conn = psycopg2.connect(**kwargs)
            try:
                conn.set_session(readonly=True)
                book = book_csv.read(args.lots_csv, args.flows_csv)
                data = load(conn, args.portfolio, book.symbols())
                book_csv.apply(data, book)
            finally:
                conn.close()
        except psycopg2.Error as exc:
            raise UsageError(f"database error: {str(exc).strip()}") from None
        except (OSError, KeyError, ValueError, ArithmeticError) as exc:
            raise UsageError(f"import files: {exc}") from None
        report = check(data, args.date_from, args.date_to, not args.skip_position_values)
    except UsageError as exc:
        print(f"recompute: {exc}", file=sys.stderr)
        return 2
    except RecomputeError as exc:  # calendar could not be built for the data at all
        print(f"recompute: {exc}", file=sys.stderr)
        return 2
    print_report(report)
    empty = report.snapshots == 0 and not args.allow_empty
    if empty:
        print("recompute: no snapshot in scope (use --allow-empty to accept)")
    print(f"recompute: {report.snapshots} snapshots, {report.fields_compared} fields compared, "
          f"{len(report.mismatches)} mismatches")
    if args.json_out:
        summary = {"snapshots": report.snapshots, "fields_compared": report.fields_compared,
                   "mismatches": report.mismatches,
                   "fields": {k: {"compared": c, "mismatches": b} for k, (c, b) in report.counts.items()},
                   "exit_code": 1 if report.mismatches or empty else 0,
                   "notes": report.notes}
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    return 1 if report.mismatches or empty else 0


if __name__ == "__main__":
    sys.exit(main())
