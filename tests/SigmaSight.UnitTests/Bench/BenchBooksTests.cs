using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Bench;

namespace SigmaSight.UnitTests.Bench;

public class BenchBooksTests
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly DateOnly BusinessDate = new(2026, 12, 1);
    private static readonly DateOnly Inception = new(2026, 11, 30);
    private static readonly BenchUniverse Universe =
        BenchUniverse.Create(300, 11, [.. Calendar.TradingDays(Calendar.AddTradingDays(Inception, -300), BusinessDate)], "SPY");
    private static readonly DateTimeOffset Created = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<BenchBook> Books(int seed = 11) =>
        BenchBooks.Create(Universe, Calendar, 20, 30, seed, Inception, BusinessDate, Created, 0.04);

    [Fact]
    public void Create_IsDeterministic()
    {
        var first = Books();
        var second = Books();

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        Books(12).SelectMany(b => b.Lots).Select(l => l.Symbol).Should().NotEqual(first.SelectMany(b => b.Lots).Select(l => l.Symbol));
    }

    [Fact]
    public void Create_GivesEachBookItsLots_WithShortsAndOptionsOnHeldStocksExpiringAfterTheBusinessDate()
    {
        foreach (var book in Books())
        {
            book.Lots.Should().HaveCount(30).And.OnlyHaveUniqueItems(l => l.Id);
            book.Lots.Should().OnlyContain(l => l.PortfolioId == book.Portfolio.Id && l.EntryDate == Inception && l.EntryPrice > 0);
            var options = book.Lots.Where(l => l.InvestmentClass == "OPTIONS").ToList();
            options.Should().HaveCount(3);
            var longs = book.Lots.Where(l => l.PositionType == "LONG").Select(l => l.Symbol).ToHashSet();
            options.Should().OnlyContain(o => longs.Contains(o.UnderlyingSymbol!) && o.ExpirationDate > BusinessDate && o.StrikePrice > 0);
            options.Should().OnlyContain(o => (o.PositionType == "LC" || o.PositionType == "LP") == (o.Quantity > 0));
            book.Lots.Where(l => l.PositionType == "SHORT").Should().HaveCount(4).And.OnlyContain(l => l.Quantity < 0);
            book.Funding.Amount.Should().Be(Math.Round(book.Lots.Sum(l => Math.Abs(l.Quantity * l.EntryPrice)) * 1.05m, 2,
                MidpointRounding.AwayFromZero));
        }
    }

    [Fact]
    public void Create_EntersStocksAtTheInceptionClose()
    {
        var lot = Books()[0].Lots.First(l => l.InvestmentClass == "PUBLIC");

        lot.EntryPrice.Should().Be((decimal)Universe.Close(lot.Symbol, Inception));
    }

    [Fact]
    public void Create_NamesThePortfoliosUniquely_WithStableIds()
    {
        var books = Books();

        books.Select(b => b.Portfolio.Name).Should().OnlyHaveUniqueItems().And.StartWith("Bench 00001");
        books.Select(b => b.Portfolio.Id).Should().OnlyHaveUniqueItems();
        books.Should().OnlyContain(b => b.Portfolio.InceptionDate == Inception && b.Funding.ChangeDate == Inception);
    }
}
