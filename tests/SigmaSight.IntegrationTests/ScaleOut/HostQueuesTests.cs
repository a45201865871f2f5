using SigmaSight.IntegrationTests.Infrastructure;
using SigmaSight.Service.Hosting;

namespace SigmaSight.IntegrationTests.ScaleOut;

/// <summary>Scale-out (issue 3 §8): a host serves a configured subset of the work queues and always a-coord.</summary>
[Collection(SharedDatabase.Name)]
public sealed class HostQueuesTests : IAsyncLifetime
{
    private HostProcess? _host;

    public async ValueTask InitializeAsync() => await BatchTestHost.PrepareDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task Serve_RegistersCoordinationAndOnlyTheConfiguredWorkQueues_WhenQueuesAreASubset()
    {
        _host = HostProcess.Start("market-data-only", new Dictionary<string, string>
        {
            ["Hangfire__Queues__0"] = JobQueues.MarketData,
        });
        await _host.WaitForServersAsync(TimeSpan.FromSeconds(60));

        var servers = await TestDatabase.RowsAsync($"""
            SELECT split_part(id, ':', 3), (data::jsonb->'Queues')::text FROM hangfire.server
             WHERE id LIKE '{_host.ServerIdPattern}' ORDER BY 1
            """);

        servers.Should().Equal(["coord|[\"a-coord\"]", "work|[\"b-market-data\"]"], "{0}", _host.Output);
    }
}
