namespace SigmaSight.Service.Bench;

/// <summary>
/// Takes a <see cref="CoreSample"/> every <c>interval</c> until disposed, so the core time of a window known only
/// afterwards (phases 3 and 4, from the ledger's timestamps) can be read by interpolating between the samples around it.
/// </summary>
public sealed class CoreTimeRecorder : IAsyncDisposable
{
    private readonly List<CoreSample> _samples = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _clock;
    private readonly Task _loop;

    private CoreTimeRecorder(TimeProvider clock, TimeSpan interval)
    {
        _clock = clock;
        Add();
        _loop = SampleAsync(interval);
    }

    public static CoreTimeRecorder Start(TimeProvider clock, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new CoreTimeRecorder(clock, interval);
    }

    /// <summary>The sample at <paramref name="at"/>, or null when no samples lie on both sides of it.</summary>
    public CoreSample? At(DateTimeOffset at)
    {
        Add();
        lock (_gate)
        {
            var after = _samples.FindIndex(s => s.At >= at);
            if (after < 0) return null;
            if (_samples[after].At == at) return _samples[after];
            return after == 0 ? null : CoreSample.Between(_samples[after - 1], _samples[after], at);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false)) Add();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: sampling ends.
        }
    }

    private void Add()
    {
        var sample = CoreSample.Take(_clock);
        lock (_gate) _samples.Add(sample);
    }
}
