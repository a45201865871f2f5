namespace SigmaSight.Service.Bench;

/// <summary>
/// The read mix of the API load, per 10 reads: the runs list, the measured run's detail, 4 portfolio snapshot reads and
/// 4 portfolio risk reads (the latest stored day; only when a warm-up night stored one, else 8 snapshot reads), cycling
/// over the bench portfolios.
/// </summary>
internal sealed class ApiLoadPlan(BenchHost host, BenchSettings settings, BenchPlan plan)
{
    public ApiLoadResult? Result { get; private set; }

    /// <summary>"running" while the reads go on, then how many were done.</summary>
    public string? Done => Result is { } result ? $"{result.Reads} done, {result.Errors} errors" : "running";

    public Task Start(Guid runId, CancellationToken cancellationToken)
    {
        var address = host.ApiAddress ?? throw new InvalidOperationException("bench: API reads need the web host, which has no address");
        var paths = Paths(runId, plan.Books.Select(b => b.Portfolio.Id).ToList(), plan.WarmUpDays.Count > 0);
        return Task.Run(async () => Result = await ApiLoad.RunAsync(address, paths, settings.ApiReads, settings.ApiConcurrency,
            cancellationToken).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>The request paths, one per read of a cycle long enough to visit every portfolio.</summary>
    public static IReadOnlyList<string> Paths(Guid runId, IReadOnlyList<Guid> portfolios, bool withRisk)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        var paths = new List<string>();
        var next = 0;
        for (var block = 0; block < Math.Max(1, (portfolios.Count + 7) / 8); block++)
        {
            paths.Add("/api/runs");
            paths.Add($"/api/runs/{runId}");
            for (var k = 0; k < 8; k++)
            {
                var portfolio = portfolios[next++ % portfolios.Count];
                paths.Add(withRisk && k % 2 == 1 ? $"/api/portfolios/{portfolio}/risk" : $"/api/portfolios/{portfolio}/snapshots");
            }
        }
        return paths;
    }
}
