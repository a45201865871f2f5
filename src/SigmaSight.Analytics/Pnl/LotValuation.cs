using SigmaSight.Analytics.Calendar;
using SigmaSight.Analytics.Options;

namespace SigmaSight.Analytics.Pnl;

/// <summary>
/// Prices one open lot at the close of D: PUBLIC at its close (stale rule), PRIVATE at its latest valuation on or
/// before D (else entry price), OPTIONS by Black–Scholes on the underlying's close. MV = qty × price × multiplier.
/// </summary>
internal sealed class LotValuation(PortfolioDay day, NyseCalendar calendar, MarketData market)
{
    private readonly ILookup<Guid, PrivateValuation> _valuations = day.Valuations.ToLookup(v => v.LotId);

    public ValuedLot Value(Lot lot)
    {
        var (price, priceDate, isStale, delta) = lot.Class switch
        {
            InvestmentClass.Public => PublicPrice(lot),
            InvestmentClass.Private => PrivatePrice(lot),
            InvestmentClass.Options => OptionPrice(lot),
            _ => throw new PnlDataException($"invalid lot {lot.Symbol} ({lot.Id}) in {day.PortfolioName}: unknown class {lot.Class}", lot.Symbol, day.Date),
        };
        var marketValue = lot.Quantity * price * lot.Multiplier;
        var reported = new LotValue(
            lot.Id, lot.Symbol, price, priceDate, isStale,
            PnlText.Round2(marketValue), PnlText.Round2(marketValue - lot.EntryCost), delta);
        return new ValuedLot(lot, marketValue, isStale, reported);
    }

    private (decimal Price, DateOnly Date, bool IsStale, double? Delta) PublicPrice(Lot lot)
    {
        var quote = market.Price(lot.Symbol, day.Date);
        return (quote.Close, quote.Date, quote.IsStale, null);
    }

    private (decimal Price, DateOnly Date, bool IsStale, double? Delta) PrivatePrice(Lot lot)
    {
        var latest = _valuations[lot.Id].Where(v => v.Date <= day.Date).OrderBy(v => v.Date).LastOrDefault();
        return latest is null
            ? (lot.EntryPrice, lot.EntryDate, false, null)
            : (latest.ValuePerUnit, latest.Date, false, null);
    }

    private (decimal Price, DateOnly Date, bool IsStale, double? Delta) OptionPrice(Lot lot)
    {
        var underlying = lot.Underlying!;
        var quote = market.Price(underlying, day.Date);
        var volatility = market.Volatility(lot.Symbol, underlying, quote.Date);
        var years = calendar.CountTradingDays(day.Date, lot.Expiration!.Value) / BlackScholes.TradingDaysPerYear;
        var valuation = BlackScholes.Value(
            lot.Type.OptionKind()!.Value, (double)quote.Close, (double)lot.Strike!.Value, years, day.Settings.RiskFreeRate, volatility);
        return ((decimal)valuation.Price, quote.Date, quote.IsStale, valuation.Delta);
    }
}
