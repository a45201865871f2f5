using System.Globalization;
using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Pnl;

namespace SigmaSight.UnitTests.Pnl;

/// <summary>
/// Builds the inputs of one portfolio ("Alpha", inception Mon 2025-03-03) and runs the calculator day by day,
/// feeding each result back as the next day's previous snapshot. March 2025 has no US market holiday.
/// </summary>
internal sealed class PnlScenario(NyseCalendar? calendar = null)
{
    public const string Portfolio = "Alpha";

    private readonly Dictionary<string, Dictionary<DateOnly, decimal>> _closes = [];

    public NyseCalendar Calendar { get; } = calendar ?? new NyseCalendar();

    public DateOnly Inception { get; init; } = D(3, 3);

    public List<Lot> Lots { get; } = [];

    public List<CapitalFlow> Flows { get; } = [];

    public List<PrivateValuation> Valuations { get; } = [];

    public PnlSettings Settings { get; init; } = new();

    /// <summary>A date in 2025.</summary>
    public static DateOnly D(int month, int day) => new(2025, month, day);

    public PnlScenario Flow(DateOnly date, decimal signedAmount)
    {
        Flows.Add(new CapitalFlow(date, signedAmount));
        return this;
    }

    public Lot Lot(string symbol, decimal quantity, decimal entryPrice, DateOnly entryDate,
        decimal? exitPrice = null, DateOnly? exitDate = null, InvestmentClass @class = InvestmentClass.Public)
    {
        var lot = new Lot(Guid.NewGuid(), symbol, quantity > 0 ? PositionType.Long : PositionType.Short, @class,
            quantity, entryPrice, entryDate, exitPrice, exitDate);
        Lots.Add(lot);
        return lot;
    }

    public Lot Option(PositionType type, string underlying, decimal strike, DateOnly expiration, decimal quantity,
        decimal entryPrice, DateOnly entryDate, decimal? exitPrice = null, DateOnly? exitDate = null)
    {
        var symbol = string.Create(CultureInfo.InvariantCulture, $"{underlying} {expiration:yyMMdd} {type} {strike}");
        var lot = new Lot(Guid.NewGuid(), symbol, type, InvestmentClass.Options, quantity, entryPrice, entryDate,
            exitPrice, exitDate, underlying, strike, expiration);
        Lots.Add(lot);
        return lot;
    }

    /// <summary>Closes on consecutive trading days starting at <paramref name="first"/>.</summary>
    public PnlScenario Closes(string symbol, DateOnly first, params decimal[] closes)
    {
        var date = Calendar.OnOrAfter(first);
        foreach (var close in closes)
        {
            Close(symbol, date, close);
            date = Calendar.NextTradingDay(date);
        }

        return this;
    }

    /// <summary><paramref name="count"/> closes of <paramref name="close"/> on the trading days ending at <paramref name="last"/>.</summary>
    public PnlScenario FlatHistory(string symbol, DateOnly last, int count, decimal close)
    {
        var date = last;
        for (var i = 0; i < count; i++, date = Calendar.PreviousTradingDay(date)) Close(symbol, date, close);
        return this;
    }

    public PnlScenario Close(string symbol, DateOnly date, decimal close)
    {
        if (!_closes.TryGetValue(symbol, out var series)) _closes[symbol] = series = [];
        series[date] = close;
        return this;
    }

    public PortfolioDay Day(DateOnly date, PreviousSnapshot? previous) => new(
        Portfolio, date, Inception, Lots, Flows, Valuations,
        _closes.ToDictionary(kv => kv.Key, kv => new PriceSeries(kv.Key, kv.Value)), previous, Settings);

    public PortfolioDayResult Calculate(DateOnly date, PreviousSnapshot? previous) =>
        DailyPnlCalculator.Calculate(Day(date, previous), Calendar);

    /// <summary>Results for every trading day from inception through <paramref name="last"/>, chained.</summary>
    public IReadOnlyList<PortfolioDayResult> Run(DateOnly last)
    {
        var results = new List<PortfolioDayResult>();
        PreviousSnapshot? previous = null;
        foreach (var date in Calendar.TradingDays(Inception, last))
        {
            var result = Calculate(date, previous);
            results.Add(result);
            previous = Snapshot(result);
        }

        return results;
    }

    /// <summary>Result for <paramref name="date"/>, after running every day before it.</summary>
    public PortfolioDayResult On(DateOnly date) => Run(date)[^1];

    public static PreviousSnapshot Snapshot(PortfolioDayResult r) =>
        new(r.Date, r.Nav, r.CumulativePnl, r.CumulativeRealizedPnl, r.CumulativeCapitalFlow);
}
