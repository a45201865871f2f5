namespace SigmaSight.Analytics.Options;

/// <summary>Position-level option risk: per-share Black–Scholes figures scaled to a lot.</summary>
public static class OptionPositions
{
    /// <summary>Shares of the underlying per contract.</summary>
    public const int ContractMultiplier = 100;

    /// <summary>Lot Greeks: each per-share Greek of <paramref name="valuation"/> × <paramref name="contracts"/> × 100, plus
    /// <see cref="DeltaAdjustedExposure"/>.</summary>
    /// <param name="valuation">Per-share valuation from <see cref="BlackScholes.Value"/>.</param>
    /// <param name="contracts">Signed number of contracts (negative when written).</param>
    /// <param name="underlyingPrice">Underlying close on D (&gt; 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="underlyingPrice"/> ≤ 0 or a Greek is not finite.</exception>
    public static OptionPositionRisk Risk(OptionValuation valuation, decimal contracts, decimal underlyingPrice)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        var shares = (double)contracts * ContractMultiplier;
        return new OptionPositionRisk(
            valuation.Delta * shares,
            valuation.Gamma * shares,
            valuation.ThetaPerTradingDay * shares,
            valuation.VegaPerVolPoint * shares,
            DeltaAdjustedExposure(valuation.Delta, contracts, underlyingPrice));
    }

    /// <summary>Delta-adjusted exposure in currency: delta × underlying price × contracts × 100 (signed).</summary>
    /// <param name="delta">Per-share delta (e.g. the stored <c>position_values.delta</c>).</param>
    /// <param name="contracts">Signed number of contracts.</param>
    /// <param name="underlyingPrice">Underlying close on D (&gt; 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">Delta is not finite or the price is not positive.</exception>
    public static decimal DeltaAdjustedExposure(double delta, decimal contracts, decimal underlyingPrice)
    {
        if (!double.IsFinite(delta)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "must be a finite number");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(underlyingPrice);
        return (decimal)(delta * (double)underlyingPrice * (double)contracts * ContractMultiplier);
    }
}
