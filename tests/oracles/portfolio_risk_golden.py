#!/usr/bin/python3
"""Golden values for the portfolio-level risk kernels in SigmaSight.Analytics.Risk.

Written from shared/reference/analytics-conventions.md only (never from the C#), with numpy/pandas/scipy:
  * factor aggregation: exposure = sum w_i beta_i, w_i = exposure value_i / NAV (options delta-adjusted),
    dollar = exposure x NAV, coverage = share of gross exposure sum|value| (private assets included) with a figure;
  * holdings series: sum w_i r_i,t with today's weights, and P&L sum value_i r_i,t;
  * correlation: universe = lots merged per symbol (options under their underlying, delta-adjusted), private
    excluded, |value| >= 1% of the universe's gross; pandas DataFrame.corr() (Pearson) on the last 90 log
    returns; PSD fix (numpy eigh, clip < 0, rescale to unit diagonal) when the smallest eigenvalue < -1e-12;
    overall = mean |rho| over the upper triangle; effective positions = 1 / max(w'Cw, 1e-12), w = value / gross;
  * stress: EWMA covariance (zero mean, weights (1-l) l^k, k = 0 newest, l = 0.94, last 252 returns ending D)
    of the factor proxies; shocks of yield changes -> -duration x dy; unshocked factors move by
    S_US S_SS^-1 s (numpy.linalg.solve); direct = sum over shocked factors, correlated = sum over all factors;
  * sector: net = sum signed MV / signed MV of the stock sleeve (stock sectors only; not computed when that
    sleeve is <= 0), gross = sum |MV| / NAV, benchmark from a fixed table (0 for an unlisted stock sector);
  * concentration: |MV| per symbol (lots merged), HHI = sum w^2 x 10,000, effective N, top-3, top-10;
  * VaR/ES (95%, 99%, positive losses): historical from the last 252 P&Ls with numpy.quantile (linear
    interpolation), ES = -mean(P&L <= quantile); parametric sigma_1d = (sd_ddof1(last 63 returns) x sqrt 252)
    / sqrt 252, VaR = z sigma_1d NAV, ES = sigma_1d NAV phi(z) / (1 - alpha), scipy.stats.norm;
  * options: the script's own Black-Scholes (scipy.stats.norm), vol = realised 63-day vol of the underlying
    (floor 5%), position greeks x quantity x 100, exposure = delta x S x quantity x 100;
  * snapshot-based realised volatility: snapshots of a buy-and-hold book (NAV = cash + sum quantity x close, stored to
    the cent; daily_pnl = NAV - NAV_prev - flow; daily_return = daily_pnl / NAV_prev stored to 10 places, none when
    NAV_prev <= 0, so none on the inception day); a window of N = the last N snapshots on or before D; the figure is
    pandas' std(ddof=1) x sqrt 252 of their returns when all N have one, else absent with
    "insufficient history: k of N snapshot returns".
Inputs (portfolios, betas, scenarios, proxies) are fixed in portfolio_risk_inputs.py; closes come from the
checked-in subset TestData/risk/dowjones30_closes_2000.csv (see its README).

Run: /usr/bin/python3 tests/oracles/portfolio_risk_golden.py
Writes tests/SigmaSight.UnitTests/TestData/risk/*.csv (every file but the closes subset).
"""
import csv
import math
import pathlib
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
from scipy.stats import norm

import portfolio_risk_inputs as inp

DATA = pathlib.Path(__file__).resolve().parents[1] / "SigmaSight.UnitTests/TestData/risk"
CLOSES = pd.read_csv(DATA / "dowjones30_closes_2000.csv", index_col="date")
assert CLOSES.index[-1] == inp.D
RETURNS = (CLOSES / CLOSES.shift(1) - 1.0).iloc[1:]
LOG_RETURNS = np.log(CLOSES / CLOSES.shift(1)).iloc[1:]


def f(x):
    return "" if x is None else repr(float(x))


def write(name, header, rows):
    with (DATA / name).open("w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {name}")


# ---------- options and holdings ----------

def black_scholes(kind, s, k, t, r, sigma):
    d1 = (math.log(s / k) + (r + sigma ** 2 / 2) * t) / (sigma * math.sqrt(t))
    d2 = d1 - sigma * math.sqrt(t)
    disc = math.exp(-r * t)
    pdf = norm.pdf(d1)
    gamma = pdf / (s * sigma * math.sqrt(t))
    vega = s * pdf * math.sqrt(t) * 0.01
    if kind == "call":
        return (s * norm.cdf(d1) - k * disc * norm.cdf(d2), norm.cdf(d1), gamma,
                (-s * pdf * sigma / (2 * math.sqrt(t)) - r * k * disc * norm.cdf(d2)) / 252, vega)
    return (k * disc * norm.cdf(-d2) - s * norm.cdf(-d1), norm.cdf(d1) - 1, gamma,
            (-s * pdf * sigma / (2 * math.sqrt(t)) + r * k * disc * norm.cdf(-d2)) / 252, vega)


def realised_vol_63(symbol):
    return float(np.std(RETURNS[symbol].values[-63:], ddof=1) * np.sqrt(252))


def holdings(portfolio):
    """One dict per lot: kind, symbol, risk symbol, bucket, market value, exposure value (+ option details)."""
    out = []
    for lot, kind, symbol, qty, extra in inp.PORTFOLIOS[portfolio]["lots"]:
        h = {"lot": lot, "kind": kind, "symbol": symbol, "quantity": qty, "option": None}
        if kind in ("stock", "etf"):
            mv = qty * float(CLOSES.loc[inp.D, symbol])
            h.update(risk=symbol, bucket=inp.SECTORS[symbol] if kind == "stock" else "ETF", mv=mv, exposure=mv)
        elif kind == "private":
            h.update(risk=None, bucket="Private", mv=extra, exposure=extra)
        else:
            underlying, strike, days = extra
            spot = float(CLOSES.loc[inp.D, underlying])
            vol = max(realised_vol_63(underlying), inp.VOL_FLOOR)
            years = days / 252
            price, delta, gamma, theta, vega = black_scholes(kind, spot, strike, years, inp.RISK_FREE_RATE, vol)
            h.update(risk=underlying, bucket="Options", mv=price * qty * 100, exposure=delta * spot * qty * 100)
            h["option"] = dict(underlying=underlying, spot=spot, strike=strike, days=days, years=years, vol=vol,
                               price=price, delta=delta, gamma=gamma, theta=theta, vega=vega)
        out.append(h)
    return out


def nav(portfolio, hs):
    return inp.PORTFOLIOS[portfolio]["cash"] + sum(h["mv"] for h in hs)


# ---------- kernels ----------

def factor_exposure(hs, nav_, factor_index):
    gross = sum(abs(h["exposure"]) for h in hs)
    covered, exposure, missing, private = 0.0, 0.0, set(), set()
    for h in hs:
        if h["kind"] == "private":
            private.add(h["symbol"])
            continue
        beta = inp.BETAS[h["risk"]][factor_index]
        if beta is None:
            missing.add(h["risk"])
            continue
        covered += abs(h["exposure"])
        exposure += h["exposure"] / nav_ * beta
    return exposure, exposure * nav_, covered / gross, sorted(missing), sorted(private)


def series(hs, nav_):
    ret = np.zeros(len(RETURNS))
    pnl = np.zeros(len(RETURNS))
    for h in hs:
        if h["risk"] is None:
            continue
        r = RETURNS[h["risk"]].values
        ret += h["exposure"] / nav_ * r
        pnl += h["exposure"] * r
    return ret, pnl


def correlation_universe(hs):
    merged = {}
    for h in hs:
        if h["kind"] != "private":
            merged[h["risk"]] = merged.get(h["risk"], 0.0) + h["exposure"]
    gross = sum(abs(v) for v in merged.values())
    return {s: v for s, v in sorted(merged.items()) if abs(v) >= 0.01 * gross}


def psd_fix(c):
    values, vectors = np.linalg.eigh(c)
    if values.min() >= -1e-12:
        return c, False
    fixed = vectors @ np.diag(np.clip(values, 0.0, None)) @ vectors.T
    d = np.sqrt(np.diag(fixed))
    fixed = fixed / np.outer(d, d)
    np.fill_diagonal(fixed, 1.0)
    return fixed, True


def summarise(c, values):
    w = np.array(values) / np.abs(values).sum()
    upper = c[np.triu_indices(len(values), k=1)]
    return float(np.mean(np.abs(upper))), 1.0 / max(float(w @ c @ w), 1e-12)


def ewma_covariance():
    proxies = [p for _, _, _, p in inp.STRESS_FACTORS]
    r = RETURNS[proxies].values[-inp.EWMA_WINDOW:]
    k = np.arange(inp.EWMA_WINDOW)[::-1]  # 0 for the newest (last) row
    w = (1 - inp.EWMA_LAMBDA) * inp.EWMA_LAMBDA ** k
    return (r * w[:, None]).T @ r


def stress(cov, dollars, shocks):
    names = [f[0] for f in inp.STRESS_FACTORS]
    units = {f[0]: f[2] for f in inp.STRESS_FACTORS}
    shocked = [i for i, n in enumerate(names) if n in shocks]
    free = [i for i in range(len(names)) if i not in shocked]
    s = np.array([shocks[names[i]] * (-inp.DURATION if units[names[i]] == "yield_change" else 1.0) for i in shocked])
    moves = np.zeros(len(names))
    moves[shocked] = s
    moves[free] = cov[np.ix_(free, shocked)] @ np.linalg.solve(cov[np.ix_(shocked, shocked)], s)
    pnl = np.array(dollars) * moves
    direct = float(pnl[shocked].sum())
    correlated = float(pnl.sum())
    return direct, correlated, moves, pnl, set(shocked)


def sectors(hs, nav_):
    sleeve = sum(h["mv"] for h in hs if h["kind"] == "stock")
    stock_sectors = {h["bucket"] for h in hs if h["kind"] == "stock"} | set(inp.BENCHMARK)
    buckets = sorted(stock_sectors | {h["bucket"] for h in hs})
    rows = []
    for b in buckets:
        is_stock = b in stock_sectors
        net = sum(h["mv"] for h in hs if h["bucket"] == b) / sleeve if is_stock and sleeve > 0 else None
        gross = sum(abs(h["mv"]) for h in hs if h["bucket"] == b) / nav_
        bench = inp.BENCHMARK.get(b, 0.0) if is_stock else None
        rows.append((b, net, gross, bench, None if net is None else net - bench))
    return sleeve, rows


def concentration(hs):
    merged = {}
    for h in hs:
        merged[h["symbol"]] = merged.get(h["symbol"], 0.0) + h["mv"]
    a = np.sort(np.abs(np.array(list(merged.values()))))[::-1]
    w = a / a.sum()
    hhi = float(np.sum(w ** 2) * 10000)
    return hhi, 10000 / hhi, float(w[:3].sum()), float(w[:10].sum()), len(a)


def var(pnl, ret, nav_):
    out = {}
    p = pnl[-inp.VAR_WINDOW:]
    for conf in (0.95, 0.99):
        q = float(np.quantile(p, 1 - conf))
        out[("historical", conf)] = (-q, -float(p[p <= q].mean()))
        sigma_1d = float(np.std(ret[-inp.PARAMETRIC_WINDOW:], ddof=1) * np.sqrt(252)) / np.sqrt(252)
        z = float(norm.ppf(conf))
        out[("parametric", conf)] = (z * sigma_1d * nav_, sigma_1d * nav_ * float(norm.pdf(z)) / (1 - conf))
    return out


# ---------- snapshot-based realised volatility ----------

def snapshots(portfolio, n, flows):
    """(date, nav, daily_pnl, daily_return or None) of a buy-and-hold book's snapshots on the last n dates ending D."""
    lots = inp.PORTFOLIOS[portfolio]["lots"]
    held = [(symbol, Decimal(repr(qty))) for _, kind, symbol, qty, _ in lots if kind in ("stock", "etf")]
    private = sum((Decimal(repr(extra)) for _, kind, _, _, extra in lots if kind == "private"), Decimal(0))
    cash = Decimal(repr(inp.PORTFOLIOS[portfolio]["cash"]))
    rows, nav_prev = [], None
    for i, date in enumerate(CLOSES.index[-n:]):
        flow = Decimal(repr(flows.get(n - 1 - i, 0.0)))
        cash += flow
        value = cash + private + sum(q * Decimal(repr(float(CLOSES.loc[date, s]))) for s, q in held)
        nav = value.quantize(Decimal("0.01"), ROUND_HALF_UP)
        if nav_prev is None:  # inception: the starting cash is its contribution, and there is no previous NAV
            pnl, ret = nav - cash, None
        else:
            pnl = nav - nav_prev - flow
            ret = (pnl / nav_prev).quantize(Decimal("1e-10"), ROUND_HALF_UP) if nav_prev > 0 else None
        rows.append((date, nav, pnl, ret))
        nav_prev = nav
    return rows


def snapshot_volatility(returns, window):
    """(returns in the window, figure or None, reason) over the last `window` snapshots."""
    s = pd.Series([np.nan if r is None else float(r) for r in returns], dtype=float).tail(window)
    k = int(s.count())
    if k < window:
        return k, None, f"insufficient history: {k} of {window} snapshot returns"
    return k, float(s.std(ddof=1) * np.sqrt(252)), ""


def snapshot_cases():
    series_rows, golden_rows = [], []
    for case, portfolio, n, flows in inp.SNAPSHOT_CASES:
        rows = snapshots(portfolio, n, flows)
        series_rows += [[case, d, str(nav), str(pnl), "" if r is None else str(r)] for d, nav, pnl, r in rows]
        figures = [snapshot_volatility([r for _, _, _, r in rows], w) for w in (21, 63)]
        golden_rows.append([case, portfolio, n] + [x for k, v, why in figures for x in (k, f(v), why)])
    write("snapshot_returns.csv", ["case", "date", "nav", "daily_pnl", "daily_return"], series_rows)
    write("snapshot_volatility_golden.csv", ["case", "portfolio", "snapshots", "returns_21", "vol_21", "reason_21",
                                             "returns_63", "vol_63", "reason_63"], golden_rows)


# ---------- PSD cases ----------

def psd_cases():
    """(case, symbols, values, matrix) whose PSD fix the C# must reproduce from the matrix alone."""
    constructed = np.array([[1.0, 0.9, 0.9], [0.9, 1.0, -0.9], [0.9, -0.9, 1.0]])
    # Pairwise-complete Pearson (pandas' NaN handling) on a gappy panel is in general not PSD.
    symbols = ["AA", "BA", "GE", "IBM", "KO", "XOM"]
    panel = LOG_RETURNS[symbols].iloc[-inp.CORRELATION_WINDOW:].copy()
    rng = np.random.RandomState(1)  # 70% of cells dropped: pairs overlap on 3..15 days
    panel = panel.mask(rng.uniform(size=panel.shape) < 0.7)
    pairwise = panel.corr().values
    assert np.linalg.eigvalsh(pairwise).min() < -1e-12, "pairwise case must need the PSD fix"
    return [
        ("constructed", ["X1", "X2", "X3"], [50000.0, 30000.0, -20000.0], constructed),
        ("pairwise_complete", symbols, [10000.0, -4000.0, 7000.0, 3000.0, -2500.0, 6000.0], pairwise),
    ]


def main():
    m = lambda a: " ".join(repr(float(x)) for x in np.asarray(a).ravel())  # noqa: E731 (row-major matrix)
    hold_rows, opt_rows, nav_rows, fx_rows, series_rows, corr_rows = [], [], [], [], [], []
    stress_rows, impact_rows, sector_rows, conc_rows, var_rows = [], [], [], [], []
    cov = ewma_covariance()
    for p in inp.PORTFOLIOS:
        hs = holdings(p)
        nav_ = nav(p, hs)
        nav_rows.append([p, f(inp.PORTFOLIOS[p]["cash"]), f(nav_)])
        for h in hs:
            sector = inp.SECTORS[h["symbol"]] if h["kind"] == "stock" else ""
            hold_rows.append([p, h["lot"], h["kind"], h["symbol"], h["risk"] or "", sector, f(h["quantity"]),
                              f(h["mv"]), f(h["exposure"])])
            o = h["option"]
            if o:
                opt_rows.append([p, h["lot"], h["kind"], h["symbol"], o["underlying"], f(o["spot"]), f(o["strike"]),
                                 o["days"], f(o["years"]), f(o["vol"]), f(inp.RISK_FREE_RATE), f(h["quantity"]),
                                 f(o["price"]), f(o["delta"]), f(o["gamma"]), f(o["theta"]), f(o["vega"])]
                                + [f(g * h["quantity"] * 100) for g in (o["delta"], o["gamma"], o["theta"], o["vega"])]
                                + [f(h["exposure"]), f(h["mv"])])
        dollars = []
        for i, factor in enumerate(inp.EXPOSURE_FACTORS):
            e, d, cov_, missing, private = factor_exposure(hs, nav_, i)
            dollars.append(d)
            fx_rows.append([p, factor, f(e), f(d), f(cov_), " ".join(missing), " ".join(private)])
        ret, pnl = series(hs, nav_)
        series_rows += [[p, RETURNS.index[t], f(ret[t]), f(pnl[t])] for t in range(len(ret))]
        universe = correlation_universe(hs)
        syms = list(universe)
        raw = pd.DataFrame(LOG_RETURNS[syms].values[-inp.CORRELATION_WINDOW:], columns=syms).corr().values
        fixed, adjusted = psd_fix(raw)
        overall, effective = summarise(fixed, list(universe.values()))
        corr_rows.append([p, " ".join(syms), m(list(universe.values())), inp.CORRELATION_WINDOW, adjusted,
                          f(overall), f(effective), m(fixed)])
        for sid, _, _, _, active, shocks in inp.SCENARIOS:
            if not active:
                continue
            direct, correlated, moves, pnls, shocked = stress(cov, dollars, shocks)
            stress_rows.append([p, sid, f(direct), f(correlated), f(correlated - direct)])
            for i, (name, _, _, _) in enumerate(inp.STRESS_FACTORS):
                impact_rows.append([p, sid, name, i in shocked, f(moves[i]), f(dollars[i]), f(pnls[i])])
        sleeve, rows = sectors(hs, nav_)
        sector_rows += [[p, b, f(n), f(g), f(bw), f(diff)] for b, n, g, bw, diff in rows]
        hhi, eff_n, top3, top10, n = concentration(hs)
        conc_rows.append([p, n, f(hhi), f(eff_n), f(top3), f(top10)])
        for (method, conf), (v, es) in var(pnl, ret, nav_).items():
            var_rows.append([p, method, conf, f(v), f(es)])

    write("portfolios.csv", ["portfolio", "cash", "nav"], nav_rows)
    write("holdings.csv", ["portfolio", "lot", "kind", "symbol", "risk_symbol", "sector", "quantity",
                           "market_value", "exposure_value"], hold_rows)
    write("betas.csv", ["symbol"] + inp.EXPOSURE_FACTORS,
          [[s] + [f(b) for b in bs] for s, bs in sorted(inp.BETAS.items())])
    write("sector_benchmark.csv", ["sector", "weight"], [[s, f(w)] for s, w in sorted(inp.BENCHMARK.items())])
    write("stress_factors.csv", ["factor", "exposure", "unit", "proxy"], [list(x) for x in inp.STRESS_FACTORS])
    write("stress_scenarios.csv", ["scenario_id", "name", "category", "severity", "active", "shocks"],
          [[sid, name, cat, sev, act, ";".join(f"{k}={v!r}" for k, v in shocks.items())]
           for sid, name, cat, sev, act, shocks in inp.SCENARIOS])
    write("options_golden.csv", ["portfolio", "lot", "kind", "symbol", "underlying", "spot", "strike",
                                 "trading_days", "years", "vol", "rate", "quantity", "price", "delta", "gamma",
                                 "theta", "vega", "position_delta", "position_gamma", "position_theta",
                                 "position_vega", "exposure", "market_value"], opt_rows)
    write("factor_exposure_golden.csv", ["portfolio", "factor", "exposure", "dollar_exposure", "coverage",
                                         "missing", "private"], fx_rows)
    write("series_golden.csv", ["portfolio", "date", "return", "pnl"], series_rows)
    write("correlation_golden.csv", ["portfolio", "symbols", "values", "window", "adjusted", "overall",
                                     "effective_positions", "matrix"], corr_rows)
    psd_rows = []
    for case, syms, values, c in psd_cases():
        fixed, adjusted = psd_fix(c)
        overall, effective = summarise(fixed, values)
        psd_rows.append([case, " ".join(syms), m(values), m(c), adjusted, f(np.linalg.eigvalsh(c).min()),
                         m(fixed), f(overall), f(effective)])
    write("psd_golden.csv", ["case", "symbols", "values", "input", "adjusted", "min_eigenvalue", "matrix",
                             "overall", "effective_positions"], psd_rows)
    write("ewma_covariance_golden.csv", ["factor"] + [x[0] for x in inp.STRESS_FACTORS],
          [[inp.STRESS_FACTORS[i][0]] + [f(x) for x in cov[i]] for i in range(len(cov))])
    write("stress_golden.csv", ["portfolio", "scenario", "direct_pnl", "correlated_pnl", "correlation_effect"],
          stress_rows)
    write("stress_impacts_golden.csv", ["portfolio", "scenario", "factor", "shocked", "move", "dollar_exposure",
                                        "pnl"], impact_rows)
    write("sector_golden.csv", ["portfolio", "sector", "net_weight", "gross_weight", "benchmark_weight",
                                "difference"], sector_rows)
    write("concentration_golden.csv", ["portfolio", "symbols", "hhi", "effective_n", "top3", "top10"], conc_rows)
    write("var_golden.csv", ["portfolio", "method", "confidence", "var", "es"], var_rows)
    snapshot_cases()


if __name__ == "__main__":
    main()
