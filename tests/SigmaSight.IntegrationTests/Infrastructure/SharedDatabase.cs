namespace SigmaSight.IntegrationTests.Infrastructure;

/// <summary>Every test shares one PostgreSQL database and resets it, so they run one at a time.</summary>
public static class SharedDatabase
{
    public const string Name = "database";
}
