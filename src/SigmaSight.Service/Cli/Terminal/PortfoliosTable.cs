using System.Globalization;
using SigmaSight.Service.Portfolios;
using Spectre.Console;

namespace SigmaSight.Service.Cli.Terminal;

/// <summary>The portfolios as a terminal table: id, name, owner, inception, latest snapshot and NAV.</summary>
public static class PortfoliosTable
{
    public static Table Of(IReadOnlyList<PortfolioListing> portfolios)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        var table = new Table().RoundedBorder().AddColumn("id").AddColumn("name").AddColumn("owner").AddColumn("inception")
            .AddColumn("latest").AddColumn(new TableColumn("NAV").RightAligned());
        foreach (var p in portfolios)
            table.AddRow(p.Id.ToString(), Markup.Escape(p.Name) + (p.IsActive ? "" : " [grey](inactive)[/]"), Markup.Escape(p.Owner),
                p.InceptionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.LatestSnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                p.LatestNav is { } nav ? Markup.Escape(nav.ToString("N2", CultureInfo.InvariantCulture) + " " + p.Currency) : "-");
        return table;
    }
}
