using System.Globalization;
using System.Text.RegularExpressions;
using CityTwin.Routing.Problems;

namespace CityTwin.Routing.CvrpLib;

/// <summary>
/// Reads CVRP instances in the TSPLIB format CVRPLIB uses: <c>KEY : value</c> specification lines, then
/// NODE_COORD_SECTION, DEMAND_SECTION, DEPOT_SECTION (ended by -1) and, for EXPLICIT weights,
/// EDGE_WEIGHT_SECTION (FULL_MATRIX, LOWER_ROW, UPPER_ROW, LOWER_DIAG_ROW, UPPER_DIAG_ROW). Distances of
/// EUC_2D instances are Euclidean rounded to the nearest integer (TSPLIB's <c>nint</c>). Anything else is
/// refused with the line and field at fault.
/// </summary>
public static partial class CvrpLibReader
{
    public static CvrpLibInstance ReadFile(string path) => Read(File.ReadAllText(path), Path.GetFileName(path));

    /// <param name="source">Names the input in error messages (a file name).</param>
    /// <exception cref="CvrpLibFormatException">The text is not a CVRP instance this reader understands.</exception>
    public static CvrpLibInstance Read(string text, string source = "input")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Parser(text.Split('\n'), source).Parse();
    }

    [GeneratedRegex(@"-k(\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FleetSizeInName();

    private sealed class Parser(string[] lines, string source)
    {
        private readonly Dictionary<string, (string Value, int Line)> specification = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<int, (PlanePoint Point, int Line)> coordinates = [];
        private readonly Dictionary<int, (long Demand, int Line)> demands = [];
        private readonly List<(int Node, int Line)> depots = [];
        private readonly List<(long Weight, int Line)> weights = [];
        private int dimension;
        private int coordinatesLine, demandsLine, depotsLine, weightsLine;
        private int index;

        public CvrpLibInstance Parse()
        {
            string? section = null;
            for (index = 0; index < lines.Length; index++)
            {
                var line = lines[index].Trim();
                if (line.Length == 0)
                    continue;
                if (line.Equals("EOF", StringComparison.OrdinalIgnoreCase))
                    break;
                if (line.EndsWith("_SECTION", StringComparison.OrdinalIgnoreCase))
                {
                    section = StartSection(line.ToUpperInvariant());
                    continue;
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && char.IsLetter(line[0]))
                {
                    section = null;
                    ReadSpecification(line[..colon].Trim(), line[(colon + 1)..].Trim());
                    continue;
                }
                switch (section)
                {
                    case "NODE_COORD_SECTION": ReadCoordinate(line); break;
                    case "DEMAND_SECTION": ReadDemand(line); break;
                    case "DEPOT_SECTION": section = ReadDepot(line) ? section : null; break;
                    case "EDGE_WEIGHT_SECTION": ReadWeights(line); break;
                    default: throw Error("line", $"'{Shorten(line)}' is neither a 'KEY : value' line nor inside a section");
                }
            }
            return Build();
        }

        private string StartSection(string name)
        {
            if (dimension == 0)
                throw Error(name, "comes before DIMENSION, which must be stated first");
            switch (name)
            {
                case "NODE_COORD_SECTION": coordinatesLine = LineNumber; break;
                case "DEMAND_SECTION": demandsLine = LineNumber; break;
                case "DEPOT_SECTION": depotsLine = LineNumber; break;
                case "EDGE_WEIGHT_SECTION": weightsLine = LineNumber; break;
                default: throw Error(name, "is not a section of a CVRP instance (NODE_COORD_SECTION, DEMAND_SECTION, DEPOT_SECTION, EDGE_WEIGHT_SECTION)");
            }
            return name;
        }

        private void ReadSpecification(string key, string value)
        {
            key = key.ToUpperInvariant();
            if (!specification.TryAdd(key, (value, LineNumber)))
                throw Error(key, $"is given twice (first on line {specification[key].Line})");
            switch (key)
            {
                case "TYPE" when !value.Equals("CVRP", StringComparison.OrdinalIgnoreCase):
                    throw Error(key, $"'{value}' is not supported; only CVRP");
                case "DIMENSION":
                    dimension = PositiveInteger(key, value);
                    break;
                case "CAPACITY":
                case "VEHICLES":
                    PositiveInteger(key, value);
                    break;
                case "EDGE_WEIGHT_TYPE" when !IsOneOf(value, "EUC_2D", "EXPLICIT"):
                    throw Error(key, $"'{value}' is not supported; use EUC_2D or EXPLICIT");
                case "EDGE_WEIGHT_FORMAT" when !IsOneOf(value, "FULL_MATRIX", "LOWER_ROW", "UPPER_ROW", "LOWER_DIAG_ROW", "UPPER_DIAG_ROW"):
                    throw Error(key, $"'{value}' is not supported; use FULL_MATRIX, LOWER_ROW, UPPER_ROW, LOWER_DIAG_ROW or UPPER_DIAG_ROW");
            }
        }

        private void ReadCoordinate(string line)
        {
            var fields = Fields(line, "NODE_COORD_SECTION", 3, "'node x y'");
            var node = Node(fields[0], "NODE_COORD_SECTION");
            var point = new PlanePoint(Real(fields[1], "NODE_COORD_SECTION x"), Real(fields[2], "NODE_COORD_SECTION y"));
            if (!coordinates.TryAdd(node, (point, LineNumber)))
                throw Error("NODE_COORD_SECTION", $"node {node} is given twice (first on line {coordinates[node].Line})");
        }

        private void ReadDemand(string line)
        {
            var fields = Fields(line, "DEMAND_SECTION", 2, "'node demand'");
            var node = Node(fields[0], "DEMAND_SECTION");
            if (!long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var demand) || demand < 0)
                throw Error("DEMAND_SECTION", $"demand '{fields[1]}' of node {node} is not a non-negative integer");
            if (!demands.TryAdd(node, (demand, LineNumber)))
                throw Error("DEMAND_SECTION", $"node {node} is given twice (first on line {demands[node].Line})");
        }

        /// <returns>False at the -1 that ends the section.</returns>
        private bool ReadDepot(string line)
        {
            foreach (var field in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (field == "-1")
                    return false;
                depots.Add((Node(field, "DEPOT_SECTION"), LineNumber));
            }
            return true;
        }

        private void ReadWeights(string line)
        {
            foreach (var field in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0 || weight != Math.Floor(weight))
                    throw Error("EDGE_WEIGHT_SECTION", $"'{field}' is not a non-negative integer weight");
                weights.Add(((long)weight, LineNumber));
            }
        }

        private CvrpLibInstance Build()
        {
            var name = specification.TryGetValue("NAME", out var named) ? named.Value : Path.GetFileNameWithoutExtension(source);
            if (dimension == 0)
                throw Error("DIMENSION", "is missing", line: 0);
            if (!specification.TryGetValue("CAPACITY", out var capacity))
                throw Error("CAPACITY", "is missing", line: 0);
            var weightType = specification.TryGetValue("EDGE_WEIGHT_TYPE", out var type) ? type.Value.ToUpperInvariant() : null;
            if (weightType is null)
                throw Error("EDGE_WEIGHT_TYPE", "is missing (EUC_2D or EXPLICIT)", line: 0);

            var demandList = new long[dimension];
            RequireAll(demands.Keys, demandsLine, "DEMAND_SECTION");
            foreach (var (node, (demand, _)) in demands)
                demandList[node] = demand;

            IReadOnlyList<PlanePoint>? points = null;
            if (coordinates.Count > 0 || weightType == "EUC_2D")
            {
                RequireAll(coordinates.Keys, coordinatesLine, "NODE_COORD_SECTION");
                points = Enumerable.Range(0, dimension).Select(node => coordinates[node].Point).ToArray();
            }

            if (depots.Count == 0)
                throw Error("DEPOT_SECTION", "names no depot", depotsLine);
            foreach (var (depot, line) in depots)
            {
                if (demandList[depot] != 0)
                    throw Error("DEPOT_SECTION", $"depot {depot + 1} has demand {demandList[depot]} in DEMAND_SECTION; a depot's must be 0", line);
            }

            TravelCosts costs = weightType == "EUC_2D" ? TravelCosts.Euclidean(points!) : TravelCosts.FromMatrix(ExplicitMatrix());
            int? vehicles = specification.TryGetValue("VEHICLES", out var fleet)
                ? int.Parse(fleet.Value, CultureInfo.InvariantCulture)
                : FleetSizeInName().Match(name) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            return new CvrpLibInstance(
                name,
                specification.TryGetValue("COMMENT", out var comment) ? comment.Value : null,
                dimension,
                long.Parse(capacity.Value, CultureInfo.InvariantCulture),
                vehicles,
                points,
                demandList,
                depots.Select(d => d.Node).ToArray(),
                costs);
        }

        private long[][] ExplicitMatrix()
        {
            var format = specification.TryGetValue("EDGE_WEIGHT_FORMAT", out var given)
                ? given.Value.ToUpperInvariant()
                : throw Error("EDGE_WEIGHT_FORMAT", "is missing; EXPLICIT weights need one", line: 0);
            if (weightsLine == 0)
                throw Error("EDGE_WEIGHT_SECTION", "is missing; EXPLICIT weights need one", line: 0);
            var n = dimension;
            var cells = new List<(int Row, int Column)>();
            for (var row = 0; row < n; row++)
            {
                var (from, to) = format switch
                {
                    "FULL_MATRIX" => (0, n - 1),
                    "LOWER_ROW" => (0, row - 1),
                    "LOWER_DIAG_ROW" => (0, row),
                    "UPPER_ROW" => (row + 1, n - 1),
                    _ => (row, n - 1),
                };
                for (var column = from; column <= to; column++)
                    cells.Add((row, column));
            }
            if (weights.Count != cells.Count)
            {
                var line = weights.Count > cells.Count ? weights[cells.Count].Line : weightsLine;
                throw Error("EDGE_WEIGHT_SECTION", $"has {weights.Count} weights; {format} of dimension {n} needs {cells.Count}", line);
            }

            var matrix = Enumerable.Range(0, n).Select(_ => new long[n]).ToArray();
            for (var k = 0; k < cells.Count; k++)
            {
                var (row, column) = cells[k];
                matrix[row][column] = matrix[column][row] = weights[k].Weight;
            }
            if (format == "FULL_MATRIX")
            {
                // The symmetric fill above is wrong for an asymmetric full matrix: take it as given.
                for (var k = 0; k < cells.Count; k++)
                    matrix[cells[k].Row][cells[k].Column] = weights[k].Weight;
            }
            return matrix;
        }

        private void RequireAll(IEnumerable<int> given, int sectionLine, string section)
        {
            if (sectionLine == 0)
                throw Error(section, "is missing", line: 0);
            var missing = Enumerable.Range(0, dimension).Except(given).Take(5).Select(node => node + 1).ToArray();
            if (missing.Length > 0)
                throw Error(section, $"lacks node(s) {string.Join(", ", missing)} of DIMENSION {dimension}", sectionLine);
        }

        private string[] Fields(string line, string field, int count, string expected)
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields.Length == count ? fields : throw Error(field, $"expected {expected}, got '{Shorten(line)}'");
        }

        /// <returns>The 0-based node of a 1-based node number.</returns>
        private int Node(string text, string field)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var node) || node < 1 || node > dimension)
                throw Error(field, $"node '{text}' is not a number in 1..{dimension} (DIMENSION)");
            return node - 1;
        }

        private double Real(string text, string field) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Error(field, $"'{text}' is not a number");

        private int PositiveInteger(string key, string value) =>
            int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number
                : throw Error(key, $"'{value}' is not a positive integer");

        private static bool IsOneOf(string value, params string[] allowed) =>
            allowed.Contains(value, StringComparer.OrdinalIgnoreCase);

        private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

        private int LineNumber => index + 1;

        private CvrpLibFormatException Error(string field, string problem, int? line = null) =>
            new(source, line ?? LineNumber, field, problem);
    }
}
