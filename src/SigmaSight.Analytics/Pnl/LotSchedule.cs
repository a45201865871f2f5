using SigmaSight.Analytics.Calendar;

namespace SigmaSight.Analytics.Pnl;

/// <summary>Validates a portfolio's lots and books their events on trading days.</summary>
internal static class LotSchedule
{
    public static IReadOnlyList<ScheduledLot> Build(PortfolioDay day, NyseCalendar calendar) =>
        [.. day.Lots.Select(lot => Schedule(day, lot, calendar))];

    private static ScheduledLot Schedule(PortfolioDay day, Lot lot, NyseCalendar calendar)
    {
        RequireShape(day, lot);
        var entry = calendar.OnOrAfter(lot.EntryDate);
        DateOnly? exit = lot.ExitDate is { } e ? calendar.OnOrAfter(e) : null;
        if (exit < entry)
            throw Invalid(day, lot, $"exit date {PnlText.Iso(lot.ExitDate)} is before entry date {PnlText.Iso(lot.EntryDate)}", lot.ExitDate);

        DateOnly? settle = null;
        if (lot.Type.IsOption())
        {
            settle = calendar.OnOrBefore(lot.Expiration!.Value);
            if (settle < entry)
                throw Invalid(day, lot, $"expiration {PnlText.Iso(lot.Expiration)} is before entry date {PnlText.Iso(lot.EntryDate)}", lot.Expiration);
            if (exit > settle)
                throw Invalid(day, lot, $"exit date {PnlText.Iso(lot.ExitDate)} is after its settle date {PnlText.Iso(settle)}", lot.ExitDate);
        }

        return new ScheduledLot(lot, entry, exit, settle);
    }

    private static void RequireShape(PortfolioDay day, Lot lot)
    {
        if (lot.EntryDate < day.InceptionDate)
            throw Invalid(day, lot, $"entry date {PnlText.Iso(lot.EntryDate)} is before inception {PnlText.Iso(day.InceptionDate)}", lot.EntryDate);
        if (lot.ExitDate < day.InceptionDate)
            throw Invalid(day, lot, $"exit date {PnlText.Iso(lot.ExitDate)} is before inception {PnlText.Iso(day.InceptionDate)}", lot.ExitDate);
        if (lot.ExitDate.HasValue != lot.ExitPrice.HasValue)
            throw Invalid(day, lot, "exit price and exit date must be given together", lot.ExitDate);
        if (lot.Quantity == 0 || (lot.Quantity > 0) != lot.Type.IsLong())
            throw Invalid(day, lot, $"quantity {lot.Quantity} has the wrong sign for {lot.Type}", lot.EntryDate);
        if (lot.EntryPrice < 0 || lot.ExitPrice < 0)
            throw Invalid(day, lot, "prices must not be negative", lot.EntryDate);
        if ((lot.Class == InvestmentClass.Options) != lot.Type.IsOption())
            throw Invalid(day, lot, $"position type {lot.Type} does not match investment class {lot.Class}", lot.EntryDate);
        if (lot.Type.IsOption() && (string.IsNullOrWhiteSpace(lot.Underlying) || !(lot.Strike > 0) || lot.Expiration is null))
            throw Invalid(day, lot, "an option needs an underlying, a positive strike and an expiration", lot.EntryDate);
    }

    private static PnlDataException Invalid(PortfolioDay day, Lot lot, string reason, DateOnly? date) =>
        new($"invalid lot {lot.Symbol} ({lot.Id}) in {day.PortfolioName}: {reason}", lot.Symbol, date);
}
