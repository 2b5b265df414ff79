using System.Globalization;
using CityTwin.Api.Security;
using Microsoft.Extensions.Configuration;

namespace CityTwin.Api.OpenData;

/// <summary>
/// <c>OpenData</c> settings: k (the fewest assets of a kind behind a published figure), how long caches may keep
/// open data, and how many citizen reports one client (remote IP) may send per window.
/// </summary>
public sealed record OpenDataSettings(int MinAssets, int MaxAgeSeconds, int ReportsPerWindow, TimeSpan ReportWindow)
{
    public const string MinAssetsSetting = "OpenData:MinAssets";
    public const string MaxAgeSetting = "OpenData:MaxAgeSeconds";
    public const string ReportsPerWindowSetting = "OpenData:CitizenReports:PermitLimit";
    public const string ReportWindowSetting = "OpenData:CitizenReports:WindowSeconds";

    /// <exception cref="ApiSettingsException">A setting is not a whole number in its range.</exception>
    public static OpenDataSettings Read(IConfiguration configuration) => new(
        Int(configuration, MinAssetsSetting, Domain.OpenData.KAnonymity.DefaultK, 1, 1000),
        Int(configuration, MaxAgeSetting, 60, 0, 86_400),
        Int(configuration, ReportsPerWindowSetting, 5, 1, 100_000),
        TimeSpan.FromSeconds(Int(configuration, ReportWindowSetting, 60, 1, 86_400)));

    private static int Int(IConfiguration configuration, string setting, int fallback, int min, int max)
    {
        if (configuration[setting] is not { } text)
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ApiSettingsException(setting, $"'{text}' is not a whole number in {min}..{max}");
        return value;
    }
}
