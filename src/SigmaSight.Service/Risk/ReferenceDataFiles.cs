namespace SigmaSight.Service.Risk;

/// <summary>The reference files embedded in the assembly from <c>Risk/ReferenceData/</c>.</summary>
public static class ReferenceDataFiles
{
    public const string StressScenarios = "stress_scenarios.json";
    public const string Sp500SectorWeights = "sp500_sector_weights.csv";

    /// <summary>Opens an embedded file by its name (see the csproj's LogicalName).</summary>
    public static Stream Open(string fileName) =>
        typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream("SigmaSight.ReferenceData." + fileName)
        ?? throw new InvalidOperationException($"Reference data file {fileName} is not embedded in the assembly.");
}
