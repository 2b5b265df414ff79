namespace CityTwin.Domain.Inventory;

/// <summary>
/// Reads a city's assets from CSV (RFC 4180, invariant-culture numbers). The first row names the
/// columns (<see cref="InventoryColumns.Csv"/>, any order, any letter case); blank lines are skipped.
/// A column it does not know is reported once and ignored. CSV carries assets only: road segments come
/// as GeoJSON LineStrings.
/// </summary>
public static class InventoryCsv
{
    private const string Row = "row";

    public static InventoryDocument Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var builder = new InventoryDocumentBuilder(Row);
        string?[]? columns = null;
        foreach (var record in CsvRecords.Read(reader))
        {
            if (record.IsBlank)
                continue;
            if (columns is null)
            {
                columns = ReadHeader(record, builder.Problems);
                if (columns is null)
                    return builder.Build();
                continue;
            }
            builder.CountRow();
            if (ReadRow(record, columns, builder.Problems) is { } asset)
                builder.Add(asset);
        }
        return columns is null
            ? InventoryDocument.Unreadable("header", $"the file is empty: its first row must name the columns, e.g. {string.Join(",", InventoryColumns.Required)}")
            : builder.Build();
    }

    /// <returns>The canonical column name of each cell (null for an unknown one), or null when no row can be read.</returns>
    private static string?[]? ReadHeader(CsvRecord header, List<RowProblem> problems)
    {
        void FileProblem(string field, string message) => problems.Add(new RowProblem(null, null, field, message));

        if (header.QuotingError is { } quoting)
        {
            FileProblem("header", $"row {header.Number}: {quoting}");
            return null;
        }
        var columns = new string?[header.Cells.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var text = header.Cells[i].Trim().TrimStart('\uFEFF');
            columns[i] = InventoryColumns.Csv.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (columns[i] is { } name && !seen.Add(name))
            {
                FileProblem(name, $"the header names column '{name}' twice");
                return null;
            }
        }

        var missing = InventoryColumns.Required.Where(c => !seen.Contains(c)).ToList();
        if (missing.Count == InventoryColumns.Required.Count)
        {
            FileProblem("header", $"the first row is not a header: it must name the columns, e.g. {string.Join(",", InventoryColumns.Required)}");
            return null;
        }
        if (missing.Count > 0)
        {
            foreach (var column in missing)
                FileProblem(column, "the header lacks this required column");
            return null;
        }

        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is null)
            {
                var text = header.Cells[i].Trim();
                problems.Add(new RowProblem(header.Number, null, text.Length == 0 ? $"column {i + 1}" : text,
                    $"is not a column we know, so it is ignored; the columns are {string.Join(", ", InventoryColumns.Csv)}"));
            }
        }
        return columns;
    }

    private static InventoryRow? ReadRow(CsvRecord record, string?[] columns, List<RowProblem> problems)
    {
        if (record.QuotingError is { } quoting)
        {
            problems.Add(new RowProblem(record.Number, null, Row, quoting));
            return null;
        }
        if (record.Cells.Count != columns.Length)
        {
            problems.Add(new RowProblem(record.Number, null, Row, $"has {record.Cells.Count} cells where the header has {columns.Length}"));
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var value = record.Cells[i].Trim();
            if (columns[i] is { } name && value.Length > 0)
                values[name] = value;
        }
        var assetId = values.GetValueOrDefault(InventoryColumns.AssetId);
        var latitude = ReadNumber(InventoryColumns.Latitude);
        var longitude = ReadNumber(InventoryColumns.Longitude);
        GeoCoordinate? position = latitude is { } lat && longitude is { } lon ? new GeoCoordinate(lat, lon) : null;
        return AssetRowReader.Read(record.Number, values, position, problems);

        double? ReadNumber(string column)
        {
            if (!values.TryGetValue(column, out var text))
                problems.Add(new RowProblem(record.Number, assetId, column, "is required"));
            else if (InventoryNumbers.TryParse(text, out var number))
                return number;
            else
                problems.Add(new RowProblem(record.Number, assetId, column, InventoryNumbers.NotANumber(text)));
            return null;
        }
    }
}
