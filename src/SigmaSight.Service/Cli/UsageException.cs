namespace SigmaSight.Service.Cli;

/// <summary>
/// Bad input on the command line: printed as is, exit code 64, nothing written. <see cref="Field"/> names the input it is
/// about where a check serves the API too, whose 400 names the field.
/// </summary>
public sealed class UsageException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
