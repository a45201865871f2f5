using Npgsql;

namespace SigmaSight.Service.MarketData.Import;

/// <summary>Where <see cref="PriceStaging.CopyAsync"/> copies the good rows of a file.</summary>
internal interface IPriceCopyTarget
{
    /// <summary>Starts the COPY on <paramref name="connection"/>.</summary>
    Task<IPriceCopy> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
}

/// <summary>A COPY in progress: rows are written synchronously (buffered); <see cref="CompleteAsync"/> ends it.</summary>
internal interface IPriceCopy : IAsyncDisposable
{
    void Write(PriceRow row);

    Task CompleteAsync(CancellationToken cancellationToken);
}
