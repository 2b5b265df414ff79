namespace CityTwin.Routing.CvrpLib;

/// <summary>A <c>.vrp</c> file that cannot be read, with the line (1-based; 0 for the file as a whole) and the field at fault.</summary>
public sealed class CvrpLibFormatException(string source, int line, string field, string problem)
    : FormatException(line > 0 ? $"{source}: line {line}, {field}: {problem}" : $"{source}: {field}: {problem}")
{
    public int Line { get; } = line;

    public string Field { get; } = field;
}
