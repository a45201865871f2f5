using Microsoft.Net.Http.Headers;
using SigmaSight.Service.Portfolios.Import;

namespace SigmaSight.Service.Api;

/// <summary>
/// POST /api/portfolios/import: the <c>import-portfolios</c> verb over HTTP. A multipart/form-data body with a
/// <c>lots</c> part and an optional <c>flows</c> part (files or plain fields, CSV text); 200 with the summary, 400 with
/// the first bad lines by part and their count (nothing written).
/// </summary>
public static class PortfolioImportEndpoints
{
    public static RouteGroupBuilder MapPortfolioImport(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/portfolios/import", ImportAsync).WithName("ImportPortfolios")
            .Accepts<IFormCollection>("multipart/form-data").Produces<ImportSummary>()
            .WithSummary("Create or update portfolios from a lots CSV part and an optional flows CSV part (all or nothing)");
        return api;
    }

    internal static async Task<IResult> ImportAsync(HttpRequest request, PortfolioImporter importer, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return ApiProblems.Invalid("lots", "send multipart/form-data with a 'lots' part (CSV) and optionally a 'flows' part");
        if (MissingBoundary(request.ContentType))
            return ApiProblems.Invalid("Content-Type",
                $"the Content-Type header '{request.ContentType}' has no boundary: send multipart/form-data; boundary=<the parts' delimiter>");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            // A multipart body whose parts do not follow its boundary.
            return ApiProblems.Invalid("Content-Type",
                $"the body is not readable as the Content-Type header '{request.ContentType}' declares it: {e.Message}");
        }
        using var lots = Part(form, "lots");
        using var flows = Part(form, "flows");
        if (lots is null) return ApiProblems.Invalid("lots", "the 'lots' part (CSV) is required");
        try
        {
            var summary = await importer.ImportAsync(new ImportSource("lots", lots),
                flows is null ? null : new ImportSource("flows", flows), ct).ConfigureAwait(false);
            return TypedResults.Ok(summary);
        }
        catch (PortfolioImportException e)
        {
            var shown = e.Errors.Take(PortfolioImportException.Shown)
                .GroupBy(x => x.File).ToDictionary(g => g.Key, g => g.Select(x => $"line {x.Line}: {x.Reason}").ToArray());
            return TypedResults.ValidationProblem(shown, detail: e.Message, title: "The import is not valid; nothing was written",
                extensions: new Dictionary<string, object?> { ["errorCount"] = e.Errors.Count });
        }
    }

    private static bool MissingBoundary(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(media.Boundary).Length == 0;

    private static TextReader? Part(IFormCollection form, string name) =>
        form.Files.GetFile(name) is { } file ? new StreamReader(file.OpenReadStream())
        : form.TryGetValue(name, out var text) && !string.IsNullOrEmpty(text) ? new StringReader(text.ToString())
        : null;
}
