namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>A clock frozen at one instant for business logic; timers stay real so waits still elapse.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
