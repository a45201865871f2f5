using SigmaSight.Analytics.Calendar;
using SigmaSight.Service.Portfolios;
using SigmaSight.Service.Portfolios.Import;

namespace SigmaSight.UnitTests.Portfolios;

/// <summary>The import's CSV parsing without a database: natural keys across decimal scales, columns, line numbers.</summary>
public class ImportParsingTests
{
    private static readonly NyseCalendar Calendar = new();

    private static (List<ImportedLot> Lots, List<ImportError> Errors) Parse(string csv)
    {
        var errors = new List<ImportError>();
        var rows = CsvTable.Read(new StringReader(csv), "lots", LotRows.Required, LotRows.Optional, errors);
        return ([.. rows.Select(r => LotRows.Parse(r, Calendar)).OfType<ImportedLot>()], errors);
    }

    [Fact]
    public void AParsedLot_HasTheKeyOfTheStoredLot_WhateverTheDecimalScaleOfTheFile()
    {
        var (lots, errors) = Parse("""
            Entry_Date , SYMBOL,portfolio,owner,position_type,investment_class,quantity,entry_price
            2026-09-01,AAPL,Book,me,long,public,1.5,205.1
            """);

        errors.Should().BeEmpty();
        var stored = new Position
        {
            Symbol = "AAPL", PositionType = "LONG", InvestmentClass = "PUBLIC", Quantity = 1.500000m, EntryPrice = 205.100000m,
            EntryDate = new DateOnly(2026, 9, 1),
        };
        lots.Should().ContainSingle().Which.Key.Should().Be(LotKey.Of(stored));
        lots[0].Key.GetHashCode().Should().Be(LotKey.Of(stored).GetHashCode());
        (lots[0].PositionType, lots[0].InvestmentClass, lots[0].PricedSymbol).Should().Be(("LONG", "PUBLIC", "AAPL"));
    }

    [Fact]
    public void Numbers_AreRoundedHalfAwayFromZeroToTheColumnsScale()
    {
        var (lots, _) = Parse("""
            portfolio,owner,symbol,position_type,investment_class,quantity,entry_price,entry_date
            Book,me,TSLA,SHORT,PUBLIC,-2.0000005,1e2,2026-09-01
            """);

        lots.Single().Quantity.Should().Be(-2.000001m);
        lots.Single().EntryPrice.Should().Be(100m);
    }

    [Fact]
    public void AQuotedFieldSpanningLines_KeepsTheLineNumbersOfTheRowsAfterIt()
    {
        var (lots, errors) = Parse("portfolio,owner,symbol,position_type,investment_class,quantity,entry_price,entry_date\n" +
            "\"Book\nTwo\",me,AAPL,LONG,PUBLIC,1,1,2026-09-01\n" +
            "Book,me,AAPL,LONG,PUBLIC,0,1,2026-09-01\n");

        lots.Should().ContainSingle().Which.Portfolio.Should().Be("Book\nTwo");
        errors.Should().ContainSingle().Which.Should().Be(new ImportError("lots", 4, "quantity is zero"));
    }

    [Fact]
    public void AnEmptyFile_IsRefusedAtLine1()
    {
        var (_, errors) = Parse("");

        errors.Should().ContainSingle().Which.Reason.Should().StartWith("the file is empty: a header row is required");
    }
}
