namespace SigmaSight.Service.Api;

/// <summary>The API's startup messages about who may read portfolio data.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "API reads are open to local requests only: the host listens on loopback")]
    public static partial void ReadsOpenLocally(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API listens beyond loopback ({Address}) and neither Api:ReadKey nor Api:Key is set: " +
        "every read of /api is refused with 401 until an operator configures Api:ReadKey")]
    public static partial void ReadsRefused(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "The API listens beyond loopback ({Address}): reads need X-Api-Key with Api:ReadKey or Api:Key")]
    public static partial void ReadsNeedKey(ILogger logger, string address);
}
