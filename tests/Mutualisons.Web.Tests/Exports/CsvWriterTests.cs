using System.Globalization;
using Mutualisons.Web.Features.Common.Exports;

namespace Mutualisons.Web.Tests.Exports;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("fr", ';', "3,5")]
    [InlineData("nl", ';', "3,5")]
    [InlineData("en", ',', "3.5")]
    public async Task French_and_dutch_exports_split_on_semicolons_and_english_on_commas(string language, char separator, string number)
    {
        var text = await WriteAsync(CsvFormat.For(language), ["Nom", ExportCell.Of(3.5m), ExportCell.Empty, "fin"]);

        Assert.Equal($"Nom{separator}{number}{separator}{separator}fin\r\n", text);
    }

    [Fact]
    public async Task Every_record_ends_with_crlf_whatever_the_text_writer_uses()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var csv = new CsvWriter(output, CsvFormat.For("en"));

        await csv.WriteRowAsync(["a", "b"]);
        await csv.WriteRowAsync(["c", "d"]);

        Assert.Equal("a,b\r\nc,d\r\n", output.ToString());
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2", "'-2")]
    [InlineData("@home", "'@home")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("a=b", "a=b")]
    public async Task Formula_like_text_gets_an_apostrophe(string value, string expected)
    {
        Assert.Equal(expected + "\r\n", await WriteAsync(CsvFormat.For("en"), [value]));
    }

    [Fact]
    public async Task Negative_numbers_stay_numbers()
    {
        Assert.Equal("-2;-0,125\r\n", await WriteAsync(CsvFormat.For("fr"), [ExportCell.Of(-2), ExportCell.Of(-0.125)]));
    }

    [Fact]
    public async Task Separators_quotes_and_line_breaks_are_quoted()
    {
        Assert.Equal("\"a;b\";a,b;\"say \"\"hi\"\"\";\"two\nlines\";\"'\rreturn\"\r\n", await WriteAsync(CsvFormat.For("fr"), ["a;b", "a,b", "say \"hi\"", "two\nlines", "\rreturn"]));
        Assert.Equal("\"a,b\",a;b\r\n", await WriteAsync(CsvFormat.For("en"), ["a,b", "a;b"]));
    }

    private static async Task<string> WriteAsync(CsvFormat format, ExportCell[] cells)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        await new CsvWriter(output, format).WriteRowAsync(cells);
        return output.ToString();
    }
}
