using System.Text.Json;

namespace CityTwin.Benchmarks.Results;

/// <summary>Reads and writes results/latest.json, and writes latest.md beside it.</summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <returns>Null when the file does not exist yet.</returns>
    /// <exception cref="JsonException">The file exists but is not a results document; it is not overwritten.</exception>
    public static async Task<ResultsDocument?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ResultsDocument>(stream, Options, cancellationToken)
            ?? throw new JsonException($"{path} holds null instead of a results document");
    }

    /// <summary>Writes the JSON file and the Markdown table; each is replaced whole, never left half-written.</summary>
    public static async Task WriteAsync(string path, ResultsDocument document, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await ReplaceAsync(path, JsonSerializer.Serialize(document, Options) + "\n", cancellationToken);
        await ReplaceAsync(MarkdownPath(path), ResultsMarkdown.Render(document), cancellationToken);
    }

    public static string MarkdownPath(string jsonPath) => Path.ChangeExtension(jsonPath, ".md");

    private static async Task ReplaceAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
