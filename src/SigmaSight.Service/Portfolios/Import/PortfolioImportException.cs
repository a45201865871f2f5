namespace SigmaSight.Service.Portfolios.Import;

/// <summary>
/// An import refused as a whole (nothing was written): every bad line with its reason. The message names the first
/// <see cref="Shown"/> and the count.
/// </summary>
public sealed class PortfolioImportException(IReadOnlyList<ImportError> errors) : Exception(Describe(errors))
{
    public const int Shown = 20;

    public IReadOnlyList<ImportError> Errors { get; } = errors;

    /// <summary>"import refused: N error(s), nothing was written:" then the first <see cref="Shown"/>, one a line.</summary>
    public static string Describe(IReadOnlyList<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = errors.Take(Shown).Select(e => $"  {e}").ToList();
        if (errors.Count > Shown) lines.Add($"  … and {errors.Count - Shown} more");
        return $"import refused: {errors.Count} error(s), nothing was written:\n{string.Join('\n', lines)}";
    }
}
