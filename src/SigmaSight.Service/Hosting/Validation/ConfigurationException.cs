namespace SigmaSight.Service.Hosting.Validation;

/// <summary>
/// A setting the service cannot start with (a missing or malformed connection string, a value that does not convert):
/// the CLI prints it and exits 64, and nothing is written. The message names the setting, never a secret value.
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
