using System.Collections.Frozen;

namespace SigmaSight.Service.Portfolios.Demo;

/// <summary>
/// The valuation model of every demo private asset (issue 8 point 7: the original never revalued them, so a book of
/// private assets never moved). Volatilities are of the order of de-smoothed appraisal returns of each asset class
/// (a quarterly mark carries the quarter's change in fair value); plausible figures, not fitted to data.
/// </summary>
public static partial class DemoCatalog
{
    /// <summary>The valuation model of each PRIVATE symbol.</summary>
    public static IReadOnlyDictionary<string, DemoPrivateAsset> PrivateAssets { get; } =
        BuildPrivateAssets().ToFrozenDictionary(StringComparer.Ordinal);

    private static Dictionary<string, DemoPrivateAsset> BuildPrivateAssets()
    {
        DemoPrivateAsset venture = new("VENTURE_CAPITAL", 1.3, 0.03, 0.30);
        DemoPrivateAsset buyout = new("PRIVATE_EQUITY", 1.0, 0.03, 0.20);
        DemoPrivateAsset hedgeFund = new("HEDGE_FUND", 0.3, 0.05, 0.08);
        DemoPrivateAsset reit = new("PRIVATE_REIT", 0.4, 0.04, 0.12);
        DemoPrivateAsset residential = new("REAL_ESTATE", 0.2, 0.03, 0.08);
        DemoPrivateAsset art = new("COLLECTIBLES", 0.3, 0.03, 0.15);
        DemoPrivateAsset crypto = new("CRYPTOCURRENCY", 1.5, 0.0, 0.70);
        DemoPrivateAsset cash = new("CASH", 0, 0.043, 0);
        DemoPrivateAsset credit = new("PRIVATE_CREDIT", 0.2, 0.07, 0.08);
        DemoPrivateAsset infrastructure = new("INFRASTRUCTURE", 0.5, 0.04, 0.12);
        return new(StringComparer.Ordinal)
        {
            ["A16Z_VC_FUND"] = venture, ["ART_COLLECTIBLES"] = art, ["BX_PRIVATE_EQUITY"] = buyout,
            ["CRYPTO_BTC_ETH"] = crypto, ["HOME_EQUITY"] = residential, ["MONEY_MARKET"] = cash,
            ["RENTAL_CONDO"] = residential, ["RENTAL_SFH"] = residential, ["STARWOOD_REIT"] = reit,
            ["TREASURY_BILLS"] = cash, ["TWO_SIGMA_FUND"] = hedgeFund,
            ["FO_ART_COLLECTIVE"] = art, ["FO_CRYPTO_DIGITAL"] = crypto, ["FO_GROWTH_PE"] = buyout,
            ["FO_HOME_RENTAL"] = residential, ["FO_IMPACT_LENDING"] = credit, ["FO_INFRASTRUCTURE"] = infrastructure,
            ["FO_PRIVATE_CREDIT"] = credit, ["FO_REAL_ASSET_REIT"] = reit, ["FO_VC_SECONDARIES"] = venture,
        };
    }
}
