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
            "Book,me,AAPL,LONG,PUBLIC,0,1,2026-09-01\n" +
            "Book,me,AAPL,LONG,PUBLIC,2,1,2026-09-01\n");

        lots.Should().ContainSingle().Which.Line.Should().Be(5);
        errors.Should().Equal(
            new ImportError("lots", 2, "portfolio 'Book\\u000aTwo' contains a control character (U+000A)"),
            new ImportError("lots", 4, "quantity is zero"));
    }

    [Theory]
    [InlineData("expiration_date", "Book,me,SPYC,LC,OPTIONS,3,14.2,2026-09-02,,,SPY,620,0001-01-01",
        "expiration_date 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("entry_date", "Book,me,ZZZQ,LONG,PUBLIC,300,205,9999-12-31,,,,,",
        "entry_date 9999-12-31 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("exit_date", "Book,me,AAPL,LONG,PUBLIC,300,205,2026-09-01,210,9999-12-31,,,",
        "exit_date 9999-12-31 is outside the supported dates 1900-01-01..2199-12-31")]
    [InlineData("quantity", "Book,me,AAPL,LONG,PUBLIC,99999999999999.9999999,205,2026-09-01,,,,,",
        "quantity 99999999999999.9999999 is out of range (below 100000000000000 in magnitude once rounded to 6 decimals)")]
    [InlineData("entry_price", "Book,me,AAPL,LONG,PUBLIC,1,99999999999999.9999995,2026-09-01,,,,,",
        "entry_price 99999999999999.9999995 is out of range (below 100000000000000 in magnitude once rounded to 6 decimals)")]
    [InlineData("portfolio", "Bo\0ok,me,AAPL,LONG,PUBLIC,1,1,2026-09-01,,,,,", "portfolio 'Bo\\u0000ok' contains a control character (U+0000)")]
    [InlineData("owner", "Book,m\u001be,AAPL,LONG,PUBLIC,1,1,2026-09-01,,,,,", "owner 'm\\u001be' contains a control character (U+001B)")]
    [InlineData("underlying_symbol", "Book,me,SPYC,LC,OPTIONS,3,14.2,2026-09-02,,,SP\0Y,620,2026-12-18",
        "underlying_symbol 'SP\\u0000Y' contains a control character (U+0000)")]
    public void ALotRow_IsABadLineNamingTheField_WhenAValueCannotBeStored(string field, string row, string reason)
    {
        var (lots, errors) = Parse(LotsHeader + "\n" + row + "\n");

        lots.Should().BeEmpty();
        errors.Should().ContainSingle(field).Which.Should().Be(new ImportError("lots", 2, reason));
    }

    [Fact]
    public void AFlowRow_IsABadLine_WhenItsPortfolioHasAControlCharacterOrItsDateIsOutsideTheSupportedRange()
    {
        var errors = new List<ImportError>();
        var rows = CsvTable.Read(new StringReader("portfolio,date,type,amount\nBo\0ok,2026-09-01,CONTRIBUTION,100\nBook,0001-01-01,CONTRIBUTION,100\n"),
            "flows", FlowRows.Required, [], errors);

        rows.Select(FlowRows.Parse).ToList().Should().AllSatisfy(f => f.Should().BeNull());
        errors.Should().Equal(
            new ImportError("flows", 2, "portfolio 'Bo\\u0000ok' contains a control character (U+0000)"),
            new ImportError("flows", 3, "date 0001-01-01 is outside the supported dates 1900-01-01..2199-12-31"));
    }

    private const string LotsHeader =
        "portfolio,owner,symbol,position_type,investment_class,quantity,entry_price,entry_date,exit_price,exit_date,underlying_symbol,strike_price,expiration_date";

    [Fact]
    public void AnEmptyFile_IsRefusedAtLine1()
    {
        var (_, errors) = Parse("");

        errors.Should().ContainSingle().Which.Reason.Should().StartWith("the file is empty: a header row is required");
    }
}
