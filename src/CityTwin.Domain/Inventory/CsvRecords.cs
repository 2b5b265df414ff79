using System.Text;

namespace CityTwin.Domain.Inventory;

/// <summary>One record of a CSV file: its number (the first is 1), its cells, and what was wrong with its quoting.</summary>
internal sealed record CsvRecord(int Number, IReadOnlyList<string> Cells, string? QuotingError)
{
    public bool IsBlank => QuotingError is null && Cells.Count == 1 && string.IsNullOrWhiteSpace(Cells[0]);
}

/// <summary>
/// Splits RFC 4180 text into records: cells separated by commas, records by CRLF or LF; a quoted cell
/// may hold commas, line breaks and doubled quotes. A record numbers one per record, not per line, so
/// it matches the row a spreadsheet shows. Broken quoting is reported on its record, never thrown.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var number = 1;
        var cells = new List<string>();
        var cell = new StringBuilder();
        string? error = null;
        var inQuotes = false;
        var closedQuote = false;
        var recordStarted = false;

        for (var next = reader.Read(); ; next = reader.Read())
        {
            if (next == -1)
            {
                if (inQuotes)
                    error ??= "a quoted cell is not closed before the end of the file";
                if (recordStarted)
                {
                    cells.Add(cell.ToString());
                    yield return new CsvRecord(number, cells, error);
                }
                yield break;
            }

            var character = (char)next;
            recordStarted = true;
            if (inQuotes)
            {
                if (character != '"')
                    cell.Append(character);
                else if (reader.Peek() == '"')
                    cell.Append((char)reader.Read());
                else
                {
                    inQuotes = false;
                    closedQuote = true;
                }
                continue;
            }

            switch (character)
            {
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    closedQuote = false;
                    break;
                case '\r' or '\n':
                    if (character == '\r' && reader.Peek() == '\n')
                        reader.Read();
                    cells.Add(cell.ToString());
                    yield return new CsvRecord(number++, cells, error);
                    cells = [];
                    cell.Clear();
                    error = null;
                    closedQuote = false;
                    recordStarted = false;
                    break;
                case '"' when !closedQuote && string.IsNullOrWhiteSpace(cell.ToString()):
                    // Spaces before an opening quote are padding, not content.
                    cell.Clear();
                    inQuotes = true;
                    break;
                case '"':
                    error ??= $"cell {cells.Count + 1} has a quote inside it: quote the whole cell and double the quotes within";
                    cell.Append(character);
                    break;
                default:
                    if (closedQuote && !char.IsWhiteSpace(character))
                        error ??= $"cell {cells.Count + 1} has text after its closing quote";
                    if (!closedQuote)
                        cell.Append(character);
                    break;
            }
        }
    }
}
