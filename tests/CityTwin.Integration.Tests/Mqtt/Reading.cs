using System.Globalization;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>Payloads as devices write them.</summary>
public static class Reading
{
    private static long sequence;

    public static long NextSequence() => Interlocked.Increment(ref sequence);

    public static string Bin(double fillingLevel, long? seq = null, long boot = 1, DateTimeOffset? at = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"ts":"{{(at ?? DateTimeOffset.UtcNow):O}}","boot":{{boot}},"seq":{{seq ?? NextSequence()}},"fillingLevel":{{fillingLevel}}}""");

    public static string Light(double level, long? seq = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"ts":"{{DateTimeOffset.UtcNow:O}}","boot":1,"seq":{{seq ?? NextSequence()}},"powerState":"on","illuminanceLevel":{{level}},"powerConsumption":{{level * 60 + 1}}}""");

    public static string BatchBin(string assetId, double fillingLevel) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"assetId":"{{assetId}}","ts":"{{DateTimeOffset.UtcNow:O}}","boot":1,"seq":{{NextSequence()}},"fillingLevel":{{fillingLevel}}}""");
}
