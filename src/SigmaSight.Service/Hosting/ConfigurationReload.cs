namespace SigmaSight.Service.Hosting;

/// <summary>
/// Settings files are read once, at start. By default .NET's hosts watch <c>appsettings*.json</c> for changes with a
/// recursive file watcher on the content root, the working directory: run from a checkout, that is the whole tree with
/// the local cluster's data directory in it, so every page PostgreSQL wrote woke a watcher thread in this process
/// (about 2 % of the machine during a 1,000-portfolio night, issue 10). The service reads its options at start anyway.
/// </summary>
public static class ConfigurationReload
{
    /// <summary>The host argument that turns reloading (and so the watcher) off; the hosts add it to their arguments.</summary>
    public const string Off = "--hostBuilder:reloadConfigOnChange=false";
}
