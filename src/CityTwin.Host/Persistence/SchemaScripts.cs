using System.Globalization;
using System.Reflection;
using CityTwin.Host.Configuration;

namespace CityTwin.Host.Persistence;

/// <summary>One numbered script of deploy/sql/{provider}/, in the order it must be applied.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql);

/// <summary>
/// The scripts of deploy/sql, embedded in this assembly so that a published host carries them.
/// Each script is idempotent and records its own version in CityTwinSchemaVersion.
/// </summary>
public static class SchemaScripts
{
    public static IReadOnlyList<SchemaScript> For(StorageProvider provider)
    {
        var folder = provider switch
        {
            StorageProvider.Sqlite => "sqlite",
            StorageProvider.PostgreSql => "postgresql",
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        var assembly = typeof(SchemaScripts).Assembly;
        var prefix = $"sql/{folder}/";
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => Load(assembly, n, prefix))
                .OrderBy(s => s.Version),
        ];
    }

    private static SchemaScript Load(Assembly assembly, string resourceName, string prefix)
    {
        var name = Path.GetFileNameWithoutExtension(resourceName[prefix.Length..]);
        var version = int.Parse(name.AsSpan(0, name.IndexOf('_')), NumberStyles.None, CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, name, reader.ReadToEnd());
    }
}
