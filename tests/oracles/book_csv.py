"""Independent reader of the portfolio import CSVs for the snapshot oracle (recompute_snapshots.py).

Written from the import's file formats (README "Importing portfolios"), not from the C# importer: the lots file
(portfolio, owner, symbol, position_type, investment_class, quantity, entry_price, entry_date, exit_price, exit_date,
underlying_symbol, strike_price, expiration_date; columns in any order, empty fields for what does not apply) and the
flows file (portfolio, date, type, amount). With --lots-csv/--flows-csv the oracle takes the lots, flows and
inception (= the date of the first flow, DESIGN §6) of every portfolio named in the files from the files instead of
the database, so the stored snapshots are checked against the user's own book, and a lot the import lost, added or
altered shows up as a mismatch. Stored lots keep their ids where a file lot has the same natural key (symbol,
position type, entry date, quantity, entry price, strike, expiration), so position_values can still be compared.
"""
import csv
from datetime import date
from decimal import Decimal

LOT_TEXT = ("portfolio", "owner", "symbol", "position_type", "investment_class", "underlying_symbol")
LOT_NUMBERS = ("quantity", "entry_price", "exit_price", "strike_price")
LOT_DATES = ("entry_date", "exit_date", "expiration_date")


class Book:
    """The lots and flows of the files, by portfolio name."""

    def __init__(self, lots, flows):
        self.lots = lots    # {name: [row dict]}
        self.flows = flows  # {name: [row dict]}

    def names(self):
        return set(self.lots) | set(self.flows)

    def symbols(self):
        found = set()
        for rows in self.lots.values():
            for r in rows:
                if r["investment_class"] == "PUBLIC":
                    found.add(r["symbol"])
                elif r["investment_class"] == "OPTIONS" and r["underlying_symbol"]:
                    found.add(r["underlying_symbol"])
        return found


def _rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
        for line, row in enumerate(reader, start=2):
            yield line, {k: (v or "").strip() for k, v in row.items()}


def _number(text):
    return Decimal(text) if text else None


def _date(text):
    return date.fromisoformat(text) if text else None


def read(lots_path, flows_path):
    lots, flows = {}, {}
    if lots_path:
        for line, row in _rows(lots_path):
            lot = {k: (row.get(k) or None) for k in LOT_TEXT}
            lot["position_type"] = lot["position_type"].upper()
            lot["investment_class"] = lot["investment_class"].upper()
            lot.update({k: _number(row.get(k, "")) for k in LOT_NUMBERS})
            lot.update({k: _date(row.get(k, "")) for k in LOT_DATES})
            lot["line"] = line
            lots.setdefault(lot["portfolio"], []).append(lot)
    if flows_path:
        for line, row in _rows(flows_path):
            flows.setdefault(row["portfolio"], []).append({
                "change_date": _date(row["date"]), "change_type": row["type"].upper(),
                "amount": Decimal(row["amount"]), "line": line})
    return Book(lots, flows)


def _key(row):
    return (row["symbol"], row["position_type"], row["entry_date"], Decimal(row["quantity"]),
            Decimal(row["entry_price"]),
            None if row["strike_price"] is None else Decimal(row["strike_price"]), row["expiration_date"])


def apply(data, book):
    """Replace, in the oracle's loaded data, the lots, flows and inception of the portfolios the files name."""
    by_name = {p["name"]: p for p in data["portfolios"]}
    missing = sorted(book.names() - set(by_name))
    if missing:
        raise ValueError(f"portfolio(s) of the CSV files not stored: {', '.join(missing)}")
    for name in sorted(book.names()):
        portfolio = by_name[name]
        pid = portfolio["id"]
        stored = {}
        for row in data["positions"]:
            if row["portfolio_id"] == pid:
                stored.setdefault(_key(row), row["id"])
        kept = [r for r in data["positions"] if r["portfolio_id"] != pid]
        for index, lot in enumerate(book.lots.get(name, [])):
            row = dict(lot)
            row["portfolio_id"] = pid
            row["id"] = stored.get(_key(lot), f"csv-line-{lot['line']}")
            row["lot_index"] = index
            kept.append(row)
        data["positions"] = kept
        file_flows = book.flows.get(name)
        if file_flows is not None:
            data["flows"] = [f for f in data["flows"] if f["portfolio_id"] != pid] + [
                {"portfolio_id": pid, "change_date": f["change_date"], "change_type": f["change_type"],
                 "amount": f["amount"]} for f in file_flows]
            portfolio["inception_date"] = min(f["change_date"] for f in file_flows)
