using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using SigmaSight.Service.MarketData.Import;

namespace SigmaSight.Service.Api;

/// <summary>
/// POST /api/prices/import: a long price CSV as the body (text/csv, or gzip), imported by the same
/// <see cref="PriceImporter"/> as the CLI. 200 with the summary; 400 with every bad line (the first
/// <see cref="PriceImporter.MaxListedErrors"/>) when the file is refused and nothing was written.
/// </summary>
public static class PriceImportEndpoints
{
    private static readonly string[] Accepted = ["text/csv", "text/plain", "application/gzip", "application/x-gzip", "application/octet-stream"];

    public static RouteGroupBuilder MapPriceImport(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/prices/import", ImportAsync).WithName("ImportPrices")
            .Accepts<string>(Accepted[0], Accepted[1..]) // routing answers 415 to any other type, so the same list
            .Produces<PriceImportView>().ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithSummary("Import daily prices from a CSV body (date,symbol,close[,open,high,low,volume]); ?skipBadRows=true writes the good rows");
        return api;
    }

    internal static async Task<IResult> ImportAsync(HttpRequest request, PriceImporter importer, bool? skipBadRows, string? source,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(importer);
        if (request.ContentType is { } type)
        {
            if (!MediaTypeHeaderValue.TryParse(type, out var media))
                return ApiProblems.Invalid("Content-Type", $"the Content-Type header '{type}' is not a media type: send text/csv (or gzip)");
            if (!Accepted.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase))
                return TypedResults.Problem($"content type {type} is not accepted: send text/csv (or gzip)",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }
        source ??= Cli.ImportPricesCommand.DefaultSource;
        if (PriceImporter.CheckSource(source) is { } bad) return ApiProblems.Invalid("source", bad);
        var outcome = await importer.ImportAsync(new PriceImportRequest(request.Body, "request body", source, skipBadRows ?? false), ct)
            .ConfigureAwait(false);
        if (outcome.Written) return TypedResults.Ok(PriceImportView.Of(outcome));
        return TypedResults.Problem(
            $"the file was refused and nothing was written: {outcome.Rejected} bad line(s); first: {(outcome.Errors.Count > 0 ? outcome.Errors[0] : null)}",
            statusCode: StatusCodes.Status400BadRequest, title: "The price file is not valid",
            extensions: new Dictionary<string, object?>
            {
                ["errorCount"] = outcome.Rejected,
                ["errors"] = outcome.Errors.Select(e => new LineError(e.Line, e.Reason)).ToList(),
            });
    }
}

/// <summary>The summary of an import as the API returns it.</summary>
public sealed record PriceImportView(
    long RowsRead, long Inserted, long Updated, long Unchanged, long Rejected, long ClosesChanged,
    IReadOnlyList<CloseChange> Changes, IReadOnlyList<PortfolioRebuild> Rebuilds, IReadOnlyList<LineError> Errors,
    double ElapsedSeconds, double RowsPerSecond)
{
    public static PriceImportView Of(PriceImportResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new PriceImportView(r.RowsRead, r.Inserted, r.Updated, r.Unchanged, r.Rejected, r.ClosesChanged, r.Changes, r.Rebuilds,
            [.. r.Errors.Select(e => new LineError(e.Line, e.Reason))], r.Elapsed.TotalSeconds, r.RowsPerSecond);
    }
}

/// <summary>A refused line: its number (the header is line 1) and why.</summary>
public sealed record LineError(long Line, string Reason);
