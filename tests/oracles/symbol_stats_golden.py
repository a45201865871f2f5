#!/usr/bin/python3
"""Golden values for the symbol-level statistics of SigmaSight.Analytics (phase 2, "symbol analytics").

Independent of the C# code: written from /work/shared/reference/analytics-conventions.md with pandas (alignment),
statsmodels (sm.OLS for every OLS fit, fit_regularized as a cross-check of the ridge) and numpy (np.std ddof=1).
Input: real Dow Jones 30 closes, tests/SigmaSight.UnitTests/TestData/dowjones30/prices_subset.csv (the rows of
the shared prices.csv for the eleven symbols below; see the README there). NYA is the market benchmark.

There are no ETFs in that data, so Dow stocks stand in for the factor proxies (the mapping is arbitrary; it only
has to be the same here and in the C# tests):
    market SPY -> NYA     rate proxy TLT -> SBC
    style (ridge, in this order): Value VTV -> XOM, Growth VUG -> MSFT, Momentum MTUM -> INTC,
                                  Quality QUAL -> JNJ, Size IWM -> CAT, Low Volatility USMV -> PG
    spreads (long - short): Growth-Value = MSFT - XOM, Momentum = INTC - NYA, Size = CAT - NYA, Quality = JNJ - NYA
Symbols analysed: IBM, GE, KO. Scenario "full" uses the data as is; scenario "ibm-gap" deletes IBM's close of
1998-08-27 (every other series keeps it), to test alignment across a missing close.

Definitions (the C# XML docs say the same):
- alignment: closes on the dates <= as_of where every series involved has a close; simple returns between
  consecutive aligned dates (log returns only in the log-vs-simple pitfall); a window of N = the last N returns.
- OLS: sm.OLS(y, add_constant(x)); beta clipped to +-5 (flag); annualised alpha (1 + alpha)^252 - 1.
- ridge: centre y and X, Z = X_c / population SD, b = (Z'Z + lambda I)^-1 Z'y_c, beta = b / SD, intercept
  = mean(y) - beta . mean(X), in-sample R^2 = 1 - |y_c - Z b|^2 / |y_c|^2; cross-checked against statsmodels
  fit_regularized(L1_wt=0, alpha=[0, lambda/n, ...]).
- volatility profile on the symbol's own closes (last <= 273 returns): rv_w = std(last w, ddof=1) * sqrt(252);
  HAR on the last <= 252 returns with every regressor and target inside them (rows t = 20 .. n-22, >= 60 rows),
  forecast floored at 0, expected vol = sqrt(252 * forecast); trend = OLS of the last 21 rolling-21 vols on
  0..20 (R^2 = 0 when they are constant); percentile = share of the 252 rolling-21 vols of the windows ending
  t-252 .. t-1 that are <= the current one (needs 273 returns).
- reasons: "insufficient history: k of m observations" (k = returns available, capped at the window) and
  "insufficient history: k of 60 HAR rows".

Run: /usr/bin/python3 tests/oracles/symbol_stats_golden.py
Writes tests/SigmaSight.UnitTests/TestData/symbol_stats/*.csv (regenerating reproduces them byte for byte).
"""
import csv
import math
import pathlib

import numpy as np
import pandas as pd
import statsmodels.api as sm

TESTS = pathlib.Path(__file__).resolve().parents[1] / "SigmaSight.UnitTests/TestData"
PRICES = TESTS / "dowjones30/prices_subset.csv"
OUT = TESTS / "symbol_stats"

MARKET, RATE = "NYA", "SBC"
STYLE = [("value", "XOM"), ("growth", "MSFT"), ("momentum", "INTC"), ("quality", "JNJ"), ("size", "CAT"),
         ("low_volatility", "PG")]
SPREADS = [("growth_value", "MSFT", "XOM"), ("momentum", "INTC", MARKET), ("size", "CAT", MARKET),
           ("quality", "JNJ", MARKET)]
SYMBOLS = ["IBM", "GE", "KO"]
# Dates chosen by the number of returns before them: 17 (the README example), 29/30 (beta minimum), 34,
# 40/41 (trend minimum), 59/60 (spread minimum), 84, 100/101 (HAR: 59/60 rows), 125, 272/273 (percentile),
# then full windows in calm and wild markets; 1998-09-05 is a Saturday (window ends on Friday 09-04).
AS_OF = ["1991-01-24", "1991-02-11", "1991-02-12", "1991-02-19", "1991-02-27", "1991-02-28", "1991-03-26",
         "1991-03-27", "1991-04-25", "1991-05-23", "1991-05-24", "1991-06-28", "1992-01-28", "1992-01-29",
         "1994-06-30", "1997-10-28", "1998-09-05", "2000-12-29", "2001-01-02"]
GAP_SYMBOL, GAP_DATE = "IBM", "1998-08-27"
GAP_AS_OF = ["1998-08-28", "1998-09-30", "1999-01-29"]
BETA_WINDOW, BETA_MIN, SPREAD_WINDOW, SPREAD_MIN, LAMBDA, CLIP = 90, 30, 150, 60, 1.0, 5.0
RV_SHORT, RV_LONG, HAR_WINDOW, HAR_MIN_ROWS, TREND_POINTS, PCT_VALUES = 21, 63, 252, 60, 21, 252
PROFILE_RETURNS = PCT_VALUES + RV_SHORT


def load():
    long = pd.read_csv(PRICES, dtype={"date": str, "symbol": str, "close": float})
    full = long.pivot(index="date", columns="symbol", values="close").sort_index()
    gap = full.copy()
    gap.loc[GAP_DATE, GAP_SYMBOL] = np.nan
    return {"full": full, "ibm-gap": gap}


def aligned_returns(frame, columns, as_of, window, log=False):
    closes = frame.loc[frame.index <= as_of, columns].dropna()  # dates where every series has a close
    closes = closes.iloc[-(window + 1):] if window is not None else closes
    values = closes.to_numpy()
    returns = np.log(values[1:] / values[:-1]) if log else values[1:] / values[:-1] - 1.0
    return closes.index[1:], returns


def insufficient(k, m, unit="observations"):
    return f"insufficient history: {k} of {m} {unit}"


def num(x):
    return "" if x is None else repr(float(x))


def flag(b):
    return "" if b is None else ("true" if b else "false")


def ols(y, x):
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    beta = float(fit.params[1])
    alpha = float(fit.params[0])
    return {"beta": max(-CLIP, min(CLIP, beta)), "clipped": abs(beta) > CLIP, "alpha": alpha,
            "r_squared": float(fit.rsquared), "std_error": float(fit.bse[1]), "observations": int(fit.nobs),
            "annualized_alpha": (1.0 + alpha) ** 252 - 1.0}


def ridge(y, X, lam):
    n, k = X.shape
    mean, sd = X.mean(axis=0), X.std(axis=0, ddof=0)
    Z = (X - mean) / sd
    yc = y - y.mean()
    b = np.linalg.solve(Z.T @ Z + lam * np.eye(k), Z.T @ yc)
    check = sm.OLS(y, sm.add_constant(Z)).fit_regularized(alpha=np.r_[0.0, np.full(k, lam / n)], L1_wt=0.0)
    assert np.allclose(check.params[1:], b, rtol=1e-9, atol=0), "closed form disagrees with statsmodels"
    raw = b / sd
    resid = yc - Z @ b
    return {"betas": np.clip(raw, -CLIP, CLIP), "clipped": np.abs(raw) > CLIP, "intercept": y.mean() - raw @ mean,
            "r_squared": 1.0 - (resid @ resid) / (yc @ yc), "observations": n}


def rolling_vols(r):
    windows = np.lib.stride_tricks.sliding_window_view(r, RV_SHORT)
    return np.std(windows, axis=1, ddof=1) * math.sqrt(252)  # value i = window ending at return i + 20


def har(r, next_day_target=False):
    rv = pd.Series(r[-HAR_WINDOW:] ** 2)
    regressors = pd.concat([rv, rv.rolling(5).mean(), rv.rolling(21).mean()], axis=1, keys=["d", "w", "m"])
    target = rv.shift(-1) if next_day_target else rv.rolling(21).mean().shift(-21)  # mean RV_{t+1..t+21}
    rows = pd.concat([target.rename("y"), regressors], axis=1).dropna()
    if len(rows) < HAR_MIN_ROWS:
        return None, insufficient(len(rows), HAR_MIN_ROWS, "HAR rows")
    fit = sm.OLS(rows["y"], sm.add_constant(rows[["d", "w", "m"]])).fit()
    latest = np.r_[1.0, regressors.iloc[-1].to_numpy()]
    forecast = max(0.0, float(fit.params.to_numpy() @ latest))
    return {"forecast": forecast, "expected": math.sqrt(252 * forecast), "r_squared": float(fit.rsquared),
            "rows": len(rows)}, ""


def trend(r):
    v = rolling_vols(r)[-TREND_POINTS:]
    fit = sm.OLS(v, sm.add_constant(np.arange(TREND_POINTS, dtype=float))).fit()
    slope, r2 = float(fit.params[1]), (0.0 if np.ptp(v) == 0 else float(fit.rsquared))
    direction = "increasing" if slope > 0.001 and r2 > 0.3 else "decreasing" if slope < -0.001 and r2 > 0.3 \
        else "stable"
    assert min(abs(abs(slope) - 0.001), abs(r2 - 0.3)) > 1e-9, "trend too close to a threshold to be a fixture"
    return slope, r2, direction


def percentile(r):
    v = rolling_vols(r[-PROFILE_RETURNS:])
    current, previous = v[-1], v[:-1]
    assert len(previous) == PCT_VALUES
    assert np.all(np.abs(previous - current) > 1e-12 * current), "near tie: the rank would be fragile"
    return float(np.count_nonzero(previous <= current)) / PCT_VALUES


def single_factor_rows(frames):
    header = ["scenario", "symbol", "factor", "as_of", "window", "minimum", "observations", "beta", "alpha",
              "r_squared", "std_error", "clipped", "annualized_alpha", "reason"]
    cases = [("full", s, f, d, BETA_WINDOW) for s in SYMBOLS for f in (MARKET, RATE) for d in AS_OF]
    cases += [("ibm-gap", GAP_SYMBOL, MARKET, d, BETA_WINDOW) for d in GAP_AS_OF]
    cases += [("full", "IBM", MARKET, "2001-01-02", 2528)]  # all returns: the known figure 1.0833394366
    rows = []
    for scenario, symbol, factor, as_of, window in cases:
        _, r = aligned_returns(frames[scenario], [symbol, factor], as_of, window)
        n = len(r)
        fit = ols(r[:, 0], r[:, 1]) if n >= BETA_MIN else None
        rows.append([scenario, symbol, factor, as_of, window, BETA_MIN, n] + figures(fit, [
            "beta", "alpha", "r_squared", "std_error", "clipped", "annualized_alpha"], insufficient(n, BETA_MIN)))
    return header, rows


def style_rows(frames):
    names = [name for name, _ in STYLE]
    header = ["scenario", "symbol", "as_of", "window", "minimum", "lambda", "observations", "intercept",
              "r_squared"] + [f"beta_{x}" for x in names] + [f"clipped_{x}" for x in names] + ["reason"]
    rows = []
    for scenario, symbol, as_of in cases_by_symbol():
        _, r = aligned_returns(frames[scenario], [symbol] + [p for _, p in STYLE], as_of, BETA_WINDOW)
        n = len(r)
        row = [scenario, symbol, as_of, BETA_WINDOW, BETA_MIN, num(LAMBDA), n]
        if n < BETA_MIN:
            rows.append(row + [""] * (2 + 2 * len(STYLE)) + [insufficient(n, BETA_MIN)])
            continue
        fit = ridge(r[:, 0], r[:, 1:], LAMBDA)
        rows.append(row + [num(fit["intercept"]), num(fit["r_squared"])] + [num(b) for b in fit["betas"]]
                    + [flag(c) for c in fit["clipped"]] + [""])
    return header, rows


def spread_rows(frames):
    header = ["scenario", "symbol", "spread", "as_of", "window", "minimum", "observations", "beta", "alpha",
              "r_squared", "std_error", "clipped", "reason"]
    rows = []
    for scenario, symbol, as_of in cases_by_symbol():
        for spread, long_leg, short_leg in SPREADS:
            _, r = aligned_returns(frames[scenario], [symbol, long_leg, short_leg], as_of, SPREAD_WINDOW)
            n = len(r)
            fit = ols(r[:, 0], r[:, 1] - r[:, 2]) if n >= SPREAD_MIN else None
            rows.append([scenario, symbol, spread, as_of, SPREAD_WINDOW, SPREAD_MIN, n] + figures(
                fit, ["beta", "alpha", "r_squared", "std_error", "clipped"], insufficient(n, SPREAD_MIN)))
    return header, rows


def volatility_rows(frames):
    header = ["scenario", "symbol", "as_of", "observations", "rv21", "rv21_reason", "rv63", "rv63_reason",
              "har_forecast", "har_expected_vol_21d", "har_r_squared", "har_rows", "har_reason", "trend_slope",
              "trend_r_squared", "trend_direction", "trend_reason", "percentile", "percentile_reason"]
    rows = []
    for scenario, symbol, as_of in cases_by_symbol():
        _, r = aligned_returns(frames[scenario], [symbol], as_of, PROFILE_RETURNS)
        r, n = r[:, 0], len(r)
        row = [scenario, symbol, as_of, n]
        for w in (RV_SHORT, RV_LONG):
            row += [num(np.std(r[-w:], ddof=1) * math.sqrt(252)), ""] if n >= w else ["", insufficient(n, w)]
        h, reason = har(r)
        row += ["", "", "", "", reason] if h is None else \
            [num(h["forecast"]), num(h["expected"]), num(h["r_squared"]), h["rows"], ""]
        need = TREND_POINTS + RV_SHORT - 1
        row += ["", "", "", insufficient(n, need)] if n < need else [*map_trend(trend(r)), ""]
        row += [num(percentile(r)), ""] if n >= PROFILE_RETURNS else ["", insufficient(n, PROFILE_RETURNS)]
        rows.append(row)
    return header, rows


def pitfall_rows(frames):
    """Each row: a figure, its value by the conventions, and the value a known mistake would give instead."""
    rows = []
    full, gap = frames["full"], frames["ibm-gap"]

    _, r = aligned_returns(full, ["IBM", MARKET], "2001-01-02", None)
    _, lr = aligned_returns(full, ["IBM", MARKET], "2001-01-02", None, log=True)
    rows.append(["beta_ibm_nya_all_log_returns", ols(r[:, 0], r[:, 1])["beta"], ols(lr[:, 0], lr[:, 1])["beta"]])

    _, r = aligned_returns(gap, ["IBM", MARKET], "1998-09-30", BETA_WINDOW)
    padded = gap[["IBM", MARKET]].loc[:"1998-09-30"].pct_change().dropna().iloc[-BETA_WINDOW:]  # pandas' pad
    own = pd.concat([gap[c].dropna().loc[:"1998-09-30"].pct_change() for c in ["IBM", MARKET]], axis=1).dropna()
    correct = ols(r[:, 0], r[:, 1])["beta"]
    rows.append(["beta_ibm_gap_1998-09-30_padded_closes", correct, ols(padded["IBM"], padded[MARKET])["beta"]])
    own = own.iloc[-BETA_WINDOW:]
    rows.append(["beta_ibm_gap_1998-09-30_per_series_returns", correct, ols(own["IBM"], own[MARKET])["beta"]])

    _, r = aligned_returns(full, ["IBM"] + [p for _, p in STYLE], "1998-09-30", BETA_WINDOW)
    y, X = r[:, 0], r[:, 1:]
    n, k = X.shape
    fit = ridge(y, X, LAMBDA)
    Z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=0)
    penalised = sm.OLS(y, sm.add_constant(Z)).fit_regularized(alpha=LAMBDA / n, L1_wt=0.0).params  # scalar alpha
    intercept = penalised[0] - (penalised[1:] / X.std(axis=0, ddof=0)) @ X.mean(axis=0)
    rows.append(["ridge_ibm_1998-09-30_intercept_penalised_intercept", fit["intercept"], intercept])
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    raw_scale = np.linalg.solve(Xc.T @ Xc + LAMBDA * np.eye(k), Xc.T @ yc)
    not_per_n = sm.OLS(y, sm.add_constant(Z)).fit_regularized(alpha=np.r_[0.0, np.full(k, LAMBDA)], L1_wt=0.0)
    for i, (name, _) in enumerate(STYLE):
        rows.append([f"ridge_ibm_1998-09-30_beta_{name}_lambda_on_raw_scale", fit["betas"][i], raw_scale[i]])
        rows.append([f"ridge_ibm_1998-09-30_beta_{name}_alpha_not_divided_by_n", fit["betas"][i],
                     not_per_n.params[1 + i] / X.std(axis=0, ddof=0)[i]])

    _, r = aligned_returns(full, ["IBM"], "2000-12-29", PROFILE_RETURNS)
    rows.append(["har_ibm_2000-12-29_forecast_next_day_target", har(r[:, 0])[0]["forecast"],
                 har(r[:, 0], next_day_target=True)[0]["forecast"]])
    return ["name", "correct", "pitfall"], [[name, num(c), num(p)] for name, c, p in rows]


def cases_by_symbol():
    return [("full", s, d) for s in SYMBOLS for d in AS_OF] + [("ibm-gap", GAP_SYMBOL, d) for d in GAP_AS_OF]


def figures(fit, keys, reason):
    if fit is None:
        return [""] * len(keys) + [reason]
    return [flag(fit[k]) if k == "clipped" else num(fit[k]) for k in keys] + [""]


def map_trend(t):
    slope, r2, direction = t
    return [num(slope), num(r2), direction]


def write(name, header, rows):
    for row in rows:
        assert all("," not in str(cell) for cell in row), row
    with (OUT / name).open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT / name}")


def main():
    frames = load()
    _, r = aligned_returns(frames["full"], ["IBM", MARKET], "2001-01-02", None)
    known = ols(r[:, 0], r[:, 1])
    assert len(r) == 2528 and abs(known["beta"] - 1.0833394366) < 5e-11, known
    OUT.mkdir(parents=True, exist_ok=True)
    write("single_factor_beta.csv", *single_factor_rows(frames))
    write("style_betas.csv", *style_rows(frames))
    write("spread_betas.csv", *spread_rows(frames))
    write("volatility_profile.csv", *volatility_rows(frames))
    write("pitfalls.csv", *pitfall_rows(frames))


if __name__ == "__main__":
    main()
