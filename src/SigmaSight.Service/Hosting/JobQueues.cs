namespace SigmaSight.Service.Hosting;

/// <summary>Hangfire.PostgreSql fetches queues alphabetically, so the names carry the priority.</summary>
public static class JobQueues
{
    public const string Coordination = "a-coord";
    public const string MarketData = "b-market-data";
    public const string Portfolio = "c-portfolio";
    public const string Analytics = "d-analytics";

    public static IReadOnlyList<string> Work { get; } = [MarketData, Portfolio, Analytics];
}
