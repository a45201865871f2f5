using System.Globalization;
using SigmaSight.Service.Risk;

namespace SigmaSight.UnitTests.Risk;

public class SectorWeightCatalogTests
{
    private const string Header = "benchmark,as_of,sector,published_pct,weight,source";

    [Fact]
    public void Load_HasOneWeightPerGicsSector_SummingToOne()
    {
        var weights = SectorWeightCatalog.Load();
        weights.Select(w => w.Sector).Should().BeEquivalentTo(GicsSectors.All);
        weights.Should().OnlyContain(w => w.Benchmark == SectorBenchmarkWeight.Sp500 && w.AsOf == new DateOnly(2025, 11, 28));
        weights.Sum(w => w.Weight).Should().BeApproximately(1.0, 1e-12);
        weights.Sum(w => (decimal)w.Weight).Should().Be(1m, "the six-decimal weights sum to exactly 1");
        weights.Should().OnlyContain(w => w.Source.Contains("S&P Dow Jones Indices", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WeightsArePublishedPercentagesRenormalised()
    {
        using var reader = new StreamReader(ReferenceDataFiles.Open(ReferenceDataFiles.Sp500SectorWeights));
        var rows = reader.ReadToEnd().Split('\n').Where(l => l.StartsWith("SP500,", StringComparison.Ordinal))
            .Select(l => l.Split(',')).ToList();
        var published = rows.Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture));
        published.Should().BeApproximately(100.2, 1e-9, "the source's rounded figures sum to 100.2 %");
        rows.Should().OnlyContain(r => Math.Abs(double.Parse(r[4], CultureInfo.InvariantCulture)
            - (double.Parse(r[3], CultureInfo.InvariantCulture) / published)) < 2.5e-6);
    }

    [Theory]
    [InlineData("SP500,2025-11-28,Information Technology,60,0.6,s\nSP500,2025-11-28,Energy,30,0.3,s", "sum to 0.8999999999999999, not 1")]
    [InlineData("SP500,2025-11-28,Technology,100,1,s", "line 2: 'Technology' is not a GICS sector")]
    [InlineData("SP500,2025-11-28,Energy,100,1.5,s", "line 2: weight 1.5 of Energy is outside [0, 1]")]
    [InlineData("SP500,2025-11-28,Energy,50,0.5,s\nSP500,2025-11-28,Energy,50,0.5,s", "line 3: SP500 2025-11-28 Energy appears twice")]
    [InlineData("SP500,28/11/2025,Energy,100,1,s", "line 2: as_of '28/11/2025' is not a yyyy-MM-dd date")]
    [InlineData("SP500,2025-11-28,Energy,100,1,", "line 2: source is required")]
    [InlineData("SP500,2025-11-28,Energy,100,1", "line 2: expected 6 unquoted fields")]
    public void Parse_Throws_NamingTheLineAndReason_WhenARowIsInvalid(string rows, string message)
    {
        var parse = () => SectorWeightCatalog.Parse(new StringReader(Header + "\n" + rows), "w.csv");
        parse.Should().Throw<InvalidDataException>().WithMessage($"w.csv*{message}*");
    }

    [Fact]
    public void Parse_SkipsComments_AndRejectsAWrongHeader()
    {
        SectorWeightCatalog.Parse(new StringReader($"# note\n{Header}\n# more\nX,2025-01-02,Energy,100,1,s\n"), "w.csv")
            .Should().ContainSingle(w => w.Benchmark == "X" && w.Weight == 1);
        var wrongHeader = () => SectorWeightCatalog.Parse(new StringReader("sector,weight\nEnergy,1"), "w.csv");
        wrongHeader.Should().Throw<InvalidDataException>().WithMessage("w.csv line 1: the header must be*");
    }
}
