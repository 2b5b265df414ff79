using System.Text;

namespace CityTwin.Contracts.Queries;

/// <summary>
/// Where a page stopped: the district and asset id of the last twin it looked at. Results are ordered by
/// (district id, asset id), so the next page starts strictly after this position whatever changed in between.
/// Clients treat the text as opaque; it is URL-safe.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.QueryCursor")]
public sealed record QueryCursor(
    [property: Id(0)] string DistrictId,
    [property: Id(1)] string AfterAssetId)
{
    private const string Version = "c1";

    public string Encode()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Version}\n{DistrictId}\n{AfterAssetId}");
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The cursor a text encodes; null when it is not one (a client's typo, another version).</summary>
    public static QueryCursor? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 1024)
            return null;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            return parts is [Version, { Length: > 0 } district, { Length: > 0 } asset] ? new QueryCursor(district, asset) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
