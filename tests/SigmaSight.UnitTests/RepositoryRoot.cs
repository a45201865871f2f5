namespace SigmaSight.UnitTests;

/// <summary>The checkout the tests run from: the nearest directory above the test binaries that holds SigmaSight.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SigmaSight.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (SigmaSight.sln)");
    }
}
