using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Portfolios;

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
    public DbSet<DataQualityFinding> DataQualityFindings => Set<DataQualityFinding>();
    public DbSet<BatchRun> BatchRuns => Set<BatchRun>();
    public DbSet<BatchPhase> BatchPhases => Set<BatchPhase>();
    public DbSet<BatchItem> BatchItems => Set<BatchItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SigmaSightDbContext).Assembly);
    }
}
