using SigmaSight.Analytics.Pnl;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Portfolios;

namespace SigmaSight.Service.Pnl;

/// <summary>Maps stored lots (codes LONG SHORT LC LP SC SP; PUBLIC OPTIONS PRIVATE) to the Analytics model.</summary>
public static class PositionMapping
{
    public static Lot ToLot(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new Lot(position.Id, position.Symbol, TypeOf(position), ClassOf(position), position.Quantity,
            position.EntryPrice, position.EntryDate, position.ExitPrice, position.ExitDate, position.UnderlyingSymbol,
            position.StrikePrice, position.ExpirationDate);
    }

    private static PositionType TypeOf(Position p) => p.PositionType switch
    {
        LotCodes.LongHolding => PositionType.Long,
        LotCodes.ShortHolding => PositionType.Short,
        LotCodes.LongCall => PositionType.LongCall,
        LotCodes.LongPut => PositionType.LongPut,
        LotCodes.ShortCall => PositionType.ShortCall,
        LotCodes.ShortPut => PositionType.ShortPut,
        _ => throw new NonTransientBatchException($"position {p.Id} ({p.Symbol}): unknown position type '{p.PositionType}'"),
    };

    private static InvestmentClass ClassOf(Position p) => p.InvestmentClass switch
    {
        LotCodes.Public => InvestmentClass.Public,
        LotCodes.Options => InvestmentClass.Options,
        LotCodes.Private => InvestmentClass.Private,
        _ => throw new NonTransientBatchException($"position {p.Id} ({p.Symbol}): unknown investment class '{p.InvestmentClass}'"),
    };
}
