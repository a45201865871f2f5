using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Analytics.Pnl;

/// <summary>Checks that day D may be computed: a trading day, in order after the previous snapshot, no early events.</summary>
internal static class PnlInputValidator
{
    public static void Validate(PortfolioDay day, NyseCalendar calendar)
    {
        var (name, d) = (day.PortfolioName, day.Date);
        if (!calendar.IsTradingDay(d))
            throw new PnlDataException($"cannot compute {name} on {PnlText.Iso(d)}: {PnlText.Iso(d)} is not a trading day", null, d);
        if (d < day.InceptionDate)
            throw new PnlDataException(
                $"cannot compute {name} on {PnlText.Iso(d)}: before its inception date {PnlText.Iso(day.InceptionDate)}", null, d);

        RequirePrevious(day, calendar);

        if (day.Flows.FirstOrDefault(f => f.Date < day.InceptionDate) is { } flow)
            throw new PnlDataException(
                $"invalid capital flow in {name}: {flow.SignedAmount} on {PnlText.Iso(flow.Date)} is before inception {PnlText.Iso(day.InceptionDate)}",
                null, flow.Date);
        if (day.Valuations.FirstOrDefault(v => v.Date < day.InceptionDate) is { } valuation)
            throw new PnlDataException(
                $"invalid private valuation in {name}: lot {valuation.LotId} on {PnlText.Iso(valuation.Date)} is before inception {PnlText.Iso(day.InceptionDate)}",
                null, valuation.Date);
    }

    private static void RequirePrevious(PortfolioDay day, NyseCalendar calendar)
    {
        var name = day.PortfolioName;
        var first = calendar.OnOrAfter(day.InceptionDate);
        if (day.Date == first)
        {
            if (day.Previous is { } early)
                throw new PnlOrderException(
                    $"out of order: {name} has a snapshot on {PnlText.Iso(early.Date)} before its first trading day {PnlText.Iso(first)}", early.Date);
            return;
        }

        var expected = calendar.PreviousTradingDay(day.Date);
        if (day.Previous is null)
            throw new PnlDataException($"missing snapshot for {name} on {PnlText.Iso(expected)}", null, expected);
        if (day.Previous.Date != expected)
            throw new PnlOrderException(
                $"out of order: {name} latest snapshot {PnlText.Iso(day.Previous.Date)}, expected {PnlText.Iso(expected)}", day.Previous.Date);
    }
}
