using Hangfire.Dashboard;

namespace SigmaSight.Service.Dashboard;

/// <summary>
/// Adds the ledger-driven "Runs" pages (<c>/runs</c>, <c>/runs/{id}</c>, <c>/runs/{a}/diff/{b}</c>) and their menu item to
/// Hangfire's dashboard.
/// Hangfire's routes and menu are process-global, so this registers once however many hosts a process builds.
/// </summary>
public static class RunsDashboard
{
    public const string ListPath = "/runs";

    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            DashboardRoutes.Routes.AddRazorPage(ListPath, _ => new RunListPage());
            DashboardRoutes.Routes.AddRazorPage(ListPath + "/(?<id>[^/]+)", match => new RunDetailsPage(match.Groups["id"].Value));
            DashboardRoutes.Routes.AddRazorPage(ListPath + "/(?<a>[^/]+)/diff/(?<b>[^/]+)",
                match => new RunDiffPage(match.Groups["a"].Value, match.Groups["b"].Value));
            DashboardRoutes.Routes.AddRazorPage(PortfoliosPage.Path, _ => new PortfoliosPage());
            DashboardRoutes.Routes.AddRazorPage(PortfoliosPage.Path + "/(?<id>[^/]+)", match => new PortfolioReportPage(match.Groups["id"].Value));
            NavigationMenu.Items.Add(page => new MenuItem("Portfolios", page.Url.To(PortfoliosPage.Path))
            {
                Active = page.RequestPath.StartsWith(PortfoliosPage.Path, StringComparison.OrdinalIgnoreCase),
            });
            NavigationMenu.Items.Add(page => new MenuItem("Runs", page.Url.To(ListPath))
            {
                Active = page.RequestPath.StartsWith(ListPath, StringComparison.OrdinalIgnoreCase),
            });
            _registered = true;
        }
    }
}
