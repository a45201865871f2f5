using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SigmaSight.Service.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running host or database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SigmaSightDbContext>
{
    public SigmaSightDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SigmaSightDbContext>();
        SigmaSightDbContextOptions.Configure(builder,
            Environment.GetEnvironmentVariable("SIGMASIGHT_DB") ?? "Host=127.0.0.1;Database=sigmasight;Username=postgres");
        return new SigmaSightDbContext(builder.Options);
    }
}
