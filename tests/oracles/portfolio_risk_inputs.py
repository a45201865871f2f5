"""Fixed inputs of the portfolio-risk golden fixtures (imported by portfolio_risk_golden.py).

Everything the symbol-level kernels would produce (betas per symbol and factor) is a fixed number here, so the
portfolio-level fixtures do not depend on them. Prices come from the checked-in Dow Jones 30 subset.

Factor proxies: the Dow data set has no ETFs, so Dow stocks stand in for the service's factor ETFs. The choice is
for variety of co-movement only, not economic meaning:
    Market -> NYA (NYSE Composite; SPY in production)     Interest_Rate -> SBC (TLT)
    Value -> XOM (VTV)     Growth -> MSFT (VUG)     Momentum -> INTC (MTUM)
    Quality -> JNJ (QUAL)  Size -> CAT (IWM)        Low Volatility -> KO (USMV)
"""

D = "2000-12-29"
RISK_FREE_RATE = 0.04
VOL_FLOOR = 0.05
DURATION = 17.0  # TLT duration: r_IR = -duration * dy
EWMA_LAMBDA = 0.94
EWMA_WINDOW = 252
CORRELATION_WINDOW = 90
CORRELATION_MINIMUM = 30
VAR_WINDOW = 252
PARAMETRIC_WINDOW = 63

# Stress factor -> (exposure name = the portfolio factor it shocks, shock unit, proxy symbol). The mapping is data.
STRESS_FACTORS = [
    ("Market", "Market Beta (90D)", "return", "NYA"),
    ("Interest_Rate", "IR Beta", "yield_change", "SBC"),
    ("Value", "Value", "return", "XOM"),
    ("Growth", "Growth", "return", "MSFT"),
    ("Momentum", "Momentum", "return", "INTC"),
    ("Quality", "Quality", "return", "JNJ"),
    ("Size", "Size", "return", "CAT"),
    ("Low Volatility", "Low Volatility", "return", "KO"),
]
EXPOSURE_FACTORS = [f[1] for f in STRESS_FACTORS]

# The 22 scenarios of sigmasight-batch.md section 4.4 (19 active); "IR" and "Low Vol" spelt out as factor names.
# (id, name, category, severity, active, shocks)
SCENARIOS = [
    ("market_up_5", "Market Rally 5%", "base_cases", "base", True, {"Market": 0.05}),
    ("market_down_5", "Market Decline 5%", "base_cases", "base", True, {"Market": -0.05}),
    ("rates_up_50bp", "Rates Up 50bp", "base_cases", "base", True, {"Interest_Rate": 0.005}),
    ("rates_down_50bp", "Rates Down 50bp", "base_cases", "base", True, {"Interest_Rate": -0.005}),
    ("market_up_10", "Market Rally 10%", "market_risk", "moderate", True, {"Market": 0.10}),
    ("market_down_10", "Market Decline 10%", "market_risk", "moderate", True, {"Market": -0.10}),
    ("market_crash_35", "Market Crash 35%", "market_risk", "severe", True, {"Market": -0.35}),
    ("market_rally_25", "Market Rally 25%", "market_risk", "severe", True, {"Market": 0.25}),
    ("rates_up_25bp", "Rates Up 25bp", "interest_rate_risk", "mild", True, {"Interest_Rate": 0.0025}),
    ("rates_down_25bp", "Rates Down 25bp", "interest_rate_risk", "mild", True, {"Interest_Rate": -0.0025}),
    ("rates_up_100bp", "Rates Up 100bp", "interest_rate_risk", "moderate", True, {"Interest_Rate": 0.01}),
    ("rates_down_100bp", "Rates Down 100bp", "interest_rate_risk", "moderate", True, {"Interest_Rate": -0.01}),
    ("rate_spike_300bp", "Rate Spike 300bp", "interest_rate_risk", "severe", True, {"Interest_Rate": 0.03}),
    ("value_rotation_20", "Value Rotation 20%", "factor_rotations", "moderate", True, {"Value": 0.20, "Growth": -0.10}),
    ("growth_rally_15", "Growth Rally 15%", "factor_rotations", "moderate", True, {"Growth": 0.15, "Momentum": 0.10}),
    ("small_cap_outperformance_10", "Small Cap Outperformance 10%", "factor_rotations", "mild", True, {"Size": 0.10}),
    ("quality_flight_12", "Flight to Quality 12%", "factor_rotations", "mild", True, {"Quality": 0.12, "Market": -0.05}),
    ("vix_spike_150", "VIX Spike 150%", "volatility_risk", "severe", True, {"Low Volatility": -0.25, "Market": -0.15}),
    ("liquidity_crisis", "Liquidity Crisis", "volatility_risk", "severe", True,
     {"Market": -0.20, "Low Volatility": -0.30, "Quality": 0.15, "Size": -0.10}),
    ("financial_crisis_2008", "2008 Financial Crisis Replay", "historical_replays", "extreme", False,
     {"Market": -0.45, "Value": -0.30, "Size": -0.25, "Quality": 0.20, "Low Volatility": -0.35}),
    ("covid_crash_2020", "COVID-19 Crash Replay (March 2020)", "historical_replays", "extreme", False,
     {"Market": -0.35, "Growth": 0.15, "Value": -0.40, "Size": -0.30, "Quality": 0.10}),
    ("dotcom_crash_2000", "Dot-Com Crash Replay (2000-2002)", "historical_replays", "extreme", False,
     {"Market": -0.45, "Growth": -0.60, "Value": 0.20, "Momentum": -0.50, "Quality": 0.15}),
]

# Betas per symbol in EXPOSURE_FACTORS order; None = the symbol has no figure for D (listed as missing, never 0).
BETAS = {
    "AA":   (1.12, 0.15, 0.42, -0.21, 0.08, -0.12, 0.35, -0.40),
    "AXP":  (1.31, 0.42, 0.18, 0.22, 0.31, 0.05, -0.10, -0.25),
    "BA":   (0.94, -0.05, 0.27, -0.08, 0.12, 0.10, 0.22, -0.05),
    "C":    (1.44, 0.55, 0.35, 0.12, 0.25, -0.02, -0.18, -0.30),
    "DIS":  (1.05, 0.20, -0.12, 0.30, -0.05, 0.08, 0.10, -0.15),
    "GE":   (1.21, 0.30, -0.05, 0.45, 0.28, 0.20, -0.25, -0.10),
    "GM":   (1.08, 0.25, 0.50, -0.30, -0.10, -0.20, 0.40, -0.35),
    "HD":   (1.18, 0.35, -0.20, 0.52, 0.15, 0.12, 0.05, -0.22),
    "HWP":  (1.42, None, -0.30, 0.75, None, -0.15, 0.30, -0.55),
    "IBM":  (1.09, 0.10, -0.08, 0.48, 0.22, 0.18, -0.12, -0.20),
    "INTC": (1.55, 0.05, -0.45, 0.85, 0.60, -0.05, 0.25, -0.65),
    "JNJ":  (0.58, 0.40, 0.10, 0.05, -0.08, 0.62, -0.30, 0.45),
    "KO":   (0.66, 0.45, 0.05, 0.02, -0.15, 0.40, -0.35, 0.58),
    "MCD":  (0.77, 0.30, 0.15, 0.08, -0.05, None, -0.05, 0.30),
    "MMM":  (0.83, 0.12, 0.30, 0.05, 0.02, 0.25, 0.08, 0.12),
    "MRK":  (0.61, 0.38, 0.02, 0.15, -0.02, 0.55, -0.28, 0.40),
    "MSFT": (1.33, -0.10, -0.38, 0.92, 0.45, 0.10, -0.05, -0.48),
    "NYA":  (1.00, 0.20, 0.25, 0.30, 0.10, 0.15, 0.05, 0.05),
    "PG":   (0.52, 0.50, 0.08, -0.02, -0.20, 0.48, -0.32, 0.62),
    "SBC":  (0.71, 0.85, 0.22, -0.10, -0.12, 0.15, -0.20, 0.35),
    "T":    (0.89, 0.60, None, None, None, None, None, None),
    "WMT":  (0.74, 0.28, -0.10, 0.35, 0.18, 0.30, -0.15, 0.25),
    "XOM":  (0.69, 0.05, 0.80, -0.40, -0.05, 0.20, -0.10, 0.28),
}

# GICS sector names (today's classification) of the Dow stocks held.
SECTORS = {
    "AA": "Materials", "AXP": "Financials", "BA": "Industrials", "C": "Financials", "DIS": "Communication Services",
    "GE": "Industrials", "GM": "Consumer Discretionary", "HD": "Consumer Discretionary",
    "HWP": "Information Technology", "IBM": "Information Technology", "INTC": "Information Technology",
    "JNJ": "Health Care", "KO": "Consumer Staples", "MCD": "Consumer Discretionary", "MMM": "Industrials",
    "MRK": "Health Care", "MSFT": "Information Technology", "PG": "Consumer Staples",
    "SBC": "Communication Services", "T": "Communication Services", "WMT": "Consumer Staples", "XOM": "Energy",
}

# Illustrative S&P 500 sector weights (sum 1); Utilities and Real Estate are held by no portfolio.
BENCHMARK = {
    "Communication Services": 0.08, "Consumer Discretionary": 0.10, "Consumer Staples": 0.08, "Energy": 0.06,
    "Financials": 0.17, "Health Care": 0.13, "Industrials": 0.09, "Information Technology": 0.21,
    "Materials": 0.03, "Real Estate": 0.02, "Utilities": 0.03,
}

# Lots: (lot id, kind, symbol, quantity, extra). kind: stock | etf | private | call | put.
# private extra = market value; option extra = (underlying, strike, trading days to expiry).
PORTFOLIOS = {
    "long_only": {
        "cash": 25000.0,
        "lots": [
            ("L01", "stock", "IBM", 200.0, None), ("L02", "stock", "IBM", 100.0, None),
            ("L03", "stock", "GE", 1500.0, None), ("L04", "stock", "JNJ", 500.0, None),
            ("L05", "stock", "KO", 400.0, None), ("L06", "stock", "WMT", 600.0, None),
            ("L07", "stock", "XOM", 700.0, None), ("L08", "stock", "MSFT", 500.0, None),
            ("L09", "stock", "HD", 400.0, None), ("L10", "stock", "MRK", 250.0, None),
            ("L11", "stock", "PG", 200.0, None), ("L12", "stock", "MMM", 150.0, None),
            ("L13", "stock", "T", 100.0, None),      # below 1% of gross: out of the correlation universe
            ("L14", "etf", "NYA", 20.0, None),       # an index fund stand-in: the ETF bucket
        ],
    },
    # Net short and levered (NAV 1,000,000 on 2.47M long / 7.23M short): a 25% rally loses more than the NAV.
    "long_short": {
        "cash": 5606700.0,
        "lots": [
            ("S01", "stock", "MSFT", 20000.0, None), ("S02", "stock", "JNJ", 10000.0, None),
            ("S03", "stock", "HWP", 15000.0, None), ("S04", "stock", "PG", 8000.0, None),
            ("S05", "stock", "INTC", -60000.0, None), ("S06", "stock", "C", -40000.0, None),
            ("S07", "stock", "GM", -30000.0, None), ("S08", "stock", "HD", -30000.0, None),
            ("S09", "stock", "AXP", -10000.0, None),
            ("S10", "private", "PRIVATE_FUND_A", 1.0, 150000.0),
        ],
    },
    "with_options": {
        "cash": 50000.0,
        "lots": [
            ("O01", "stock", "AA", 2000.0, None), ("O02", "stock", "BA", 1000.0, None),
            ("O03", "stock", "DIS", 1500.0, None), ("O04", "stock", "MCD", 800.0, None),
            ("O05", "stock", "SBC", 1000.0, None),
            ("O06", "call", "IBM010216C00090000", 20.0, ("IBM", 90.0, 33)),
            ("O07", "put", "MSFT010316P00045000", -15.0, ("MSFT", 45.0, 52)),
            ("O08", "call", "GE010119C00050000", -10.0, ("GE", 50.0, 13)),
            ("O09", "put", "KO010420P00060000", 25.0, ("KO", 60.0, 76)),
            ("O10", "call", "BA010216C00070000", 5.0, ("BA", 70.0, 33)),
        ],
    },
}

# Snapshot-based realised volatility (conventions, Volatility: "the snapshot-based series is reported beside it once it
# has enough days"). Each case is a buy-and-hold book of one portfolio's stock, ETF and private lots and its cash (the
# options are left out: their daily values would need a Black-Scholes price a day) with a snapshot on each of the last
# `snapshots` trading dates ending D, the first being its inception. flows: {trading dates before D (0 = D): amount},
# booked at the end of that day. (case, portfolio, snapshots, flows)
SNAPSHOT_CASES = [
    ("long_only_99_returns", "long_only", 100, {}),           # both figures, from the last 21 / 63 of 99 returns
    ("long_only_63_returns", "long_only", 64, {}),            # exactly 63 returns: both figures
    ("long_only_62_returns", "long_only", 63, {}),            # 62 returns: the 21-day figure only
    ("long_only_21_returns", "long_only", 22, {}),            # exactly 21 returns: the 21-day figure only
    ("long_only_20_returns", "long_only", 21, {}),            # 20 returns: neither figure
    ("with_options_12_returns", "with_options", 13, {}),      # a new portfolio: neither figure
    ("long_only_inception_on_d", "long_only", 1, {}),         # the inception day itself: no return at all
    # A withdrawal leaves NAV below 0 at the close 31 dates before D and a contribution restores it the next day: that
    # day's snapshot has no return (NAV_prev <= 0), inside the last 63 snapshots but not the last 21.
    ("long_only_nav_below_zero", "long_only", 80, {31: -2000000.0, 30: 2000000.0}),
    # The net-short book held unchanged from 63 dates before D: its NAV (1,000,000 on D) was below 0 in early October
    # 2000, so 5 of its last 63 snapshots have no return; its 21-day figure is a levered book's (about 250 %).
    ("long_short_nav_below_zero", "long_short", 64, {}),
]
