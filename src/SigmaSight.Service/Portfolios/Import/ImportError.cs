namespace SigmaSight.Service.Portfolios.Import;

/// <summary>One reason an import is refused: the file, the line (the header is line 1) and what is wrong there.</summary>
public sealed record ImportError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File} line {Line}: {Reason}";
}
