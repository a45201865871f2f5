using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Portfolios;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Persistence;

/// <summary>The domain tables (schema <c>sigmasight</c>) and the batch ledger.</summary>
public sealed class SigmaSightDbContext(DbContextOptions<SigmaSightDbContext> options) : DbContext(options)
{
    public const string Schema = "sigmasight";

    public DbSet<Portfolio> Portfolios => Set<Portfolio>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<PrivateValuation> PrivateValuations => Set<PrivateValuation>();
    public DbSet<EquityChange> EquityChanges => Set<EquityChange>();
    public DbSet<Security> Securities => Set<Security>();
    public DbSet<Price> Prices => Set<Price>();
    public DbSet<MarketClosure> MarketClosures => Set<MarketClosure>();
    public DbSet<PortfolioSnapshot> PortfolioSnapshots => Set<PortfolioSnapshot>();
    public DbSet<PositionValue> PositionValues => Set<PositionValue>();
    public DbSet<SnapshotRebuild> SnapshotRebuilds => Set<SnapshotRebuild>();
    public DbSet<DataQualityFinding> DataQualityFindings => Set<DataQualityFinding>();
    public DbSet<BatchRun> BatchRuns => Set<BatchRun>();
    public DbSet<BatchPhase> BatchPhases => Set<BatchPhase>();
    public DbSet<BatchItem> BatchItems => Set<BatchItem>();
    public DbSet<FactorDefinition> FactorDefinitions => Set<FactorDefinition>();
    public DbSet<SymbolFactorExposure> SymbolFactorExposures => Set<SymbolFactorExposure>();
    public DbSet<SymbolVolatility> SymbolVolatilities => Set<SymbolVolatility>();
    public DbSet<PortfolioFactorExposure> PortfolioFactorExposures => Set<PortfolioFactorExposure>();
    public DbSet<PositionRisk> PositionRisks => Set<PositionRisk>();
    public DbSet<CorrelationResult> CorrelationResults => Set<CorrelationResult>();
    public DbSet<StressScenario> StressScenarios => Set<StressScenario>();
    public DbSet<StressResult> StressResults => Set<StressResult>();
    public DbSet<SectorBenchmarkWeight> SectorBenchmarkWeights => Set<SectorBenchmarkWeight>();
    public DbSet<PortfolioSectorExposure> PortfolioSectorExposures => Set<PortfolioSectorExposure>();
    public DbSet<AnalyticResult> AnalyticResults => Set<AnalyticResult>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SigmaSightDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(services =>
            new LotKeyIndexConvention(services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }
}
