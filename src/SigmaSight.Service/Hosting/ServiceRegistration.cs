using Microsoft.EntityFrameworkCore;
using SigmaSight.Service.Batches;
using SigmaSight.Service.Batches.Planning;
using SigmaSight.Service.Batches.Repair;
using SigmaSight.Service.Batches.Scheduling;
using SigmaSight.Service.Batches.Verification;
using SigmaSight.Service.Hosting.Validation;
using SigmaSight.Service.MarketData;
using SigmaSight.Service.Observability;
using SigmaSight.Service.Persistence;
using SigmaSight.Service.Pnl;
using SigmaSight.Service.Portfolios.Demo;
using SigmaSight.Service.Risk;

namespace SigmaSight.Service.Hosting;

/// <summary>The one DI entry point of the service: options, database, ledger, planners and jobs.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddSigmaSightCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BatchOptions>(BatchOptions.SectionName, BatchOptions.Rules);
        services.AddValidatedOptions<HangfireHostOptions>(HangfireHostOptions.SectionName, HangfireHostOptions.Rules);
        services.AddValidatedOptions<AnalyticsOptions>(AnalyticsOptions.SectionName, AnalyticsOptions.Rules);
        services.AddValidatedOptions<DemoOptions>(DemoOptions.SectionName);
        services.AddValidatedOptions<ScheduleOptions>(ScheduleOptions.SectionName, ScheduleOptions.Rules);
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.SectionName, RetentionOptions.Rules);
        services.AddSingleton(TimeProvider.System);
        services.AddSigmaSightTelemetry(configuration);

        var connection = DatabaseConnection.ForApplication(DatabaseConnection.Resolve(configuration), "sigmasight");
        services.AddDbContextPool<SigmaSightDbContext>(o => SigmaSightDbContextOptions.Configure(o, connection));

        services.AddScoped<BatchLedger>();
        services.AddScoped<PhaseAdvancer>();
        services.AddScoped<RunStarter>();
        services.AddScoped<RunVerifier>();
        services.AddScoped<RunCoverage>();
        services.AddScoped<RangeAudit>();
        services.AddScoped<RunWaiter>();
        services.AddScoped<Batches.Retention.RunPruner>();
        services.AddScoped<TradingCalendarProvider>();
        services.AddScoped<ClosureRegistry>();
        services.AddScoped<MarketData.Import.PriceImporter>();
        services.AddScoped<PnlInputLoader>();
        services.AddScoped<Risk.Portfolios.RiskInputLoader>();
        services.AddSingleton<Risk.Symbols.CloseHistoryCache>();
        services.AddSingleton<Risk.Portfolios.RiskReferenceCache>();
        services.AddScoped<Risk.Reports.RiskReportReader>();
        services.AddScoped<Batches.Diff.RunDiffer>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<IPhasePlanner, MarketDataPlanner>();
        services.AddScoped<IPhasePlanner, SymbolAnalyticsPlanner>();
        services.AddScoped<IPhasePlanner, PnlPlanner>();
        services.AddScoped<RiskPlanner>();
        services.AddScoped<IPhasePlanner>(s => s.GetRequiredService<RiskPlanner>());
        services.AddScoped<IPhasePlanner, VerifyPlanner>();
        services.AddScoped<StartPhaseJob>();
        services.AddScoped<LoadMarketDataJob>();
        services.AddScoped<CalculatePnlJob>();
        services.AddScoped<SymbolAnalyticsJob>();
        services.AddScoped<PortfolioRiskJob>();
        services.AddScoped<VerifyRunJob>();
        services.AddScoped<NightlyBatchJob>();
        services.AddScoped<Reconciler>();
        services.AddScoped<StrandedWork>();
        services.AddSingleton<TestPauses>();
        services.AddScoped<ReconcileJob>();
        services.AddScoped<Batches.Retention.RetentionJob>();
        services.AddMarketDataProvider(configuration);
        services.AddDemo();
        services.AddScoped<Portfolios.Import.PortfolioImporter>();
        return services;
    }
}
