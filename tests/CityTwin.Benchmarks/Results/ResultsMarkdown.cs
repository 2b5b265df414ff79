using System.Globalization;
using System.Text;

namespace CityTwin.Benchmarks.Results;

/// <summary>The results document as a Markdown table, for reading in a diff or on the forge.</summary>
public static class ResultsMarkdown
{
    public static string Render(ResultsDocument document)
    {
        var machine = document.Machine;
        var text = new StringBuilder()
            .AppendLine("# Benchmark results")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Latest run `{document.Run}`: {machine.Cores} cores, {machine.MemoryGiB} GiB, {machine.Os}, .NET {machine.Dotnet}; {document.Setup}.")
            .AppendLine("Written by `dotnet run -c Release --project tests/CityTwin.Benchmarks` with the JSON file of the same name; figures not re-run keep the run that measured them.")
            .AppendLine()
            .AppendLine("| name | value | unit | window_s | run | note |")
            .AppendLine("| --- | ---: | --- | ---: | --- | --- |");
        foreach (var figure in document.Figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {figure.Name} | {FormatValue(figure.Value)} | {figure.Unit} | {FormatValue(figure.WindowSeconds)} | {figure.Run} | {figure.Note.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
        return text.ToString();
    }

    public static string FormatValue(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
