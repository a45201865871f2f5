namespace SigmaSight.Service.Cli;

/// <summary>Bad input on the command line: printed as is, exit code 64, nothing written.</summary>
public sealed class UsageException(string message) : Exception(message);
