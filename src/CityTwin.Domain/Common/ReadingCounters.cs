using System.Text.Json.Serialization;

namespace CityTwin.Domain.Common;

/// <summary>
/// How many readings a twin received and what became of them. Five numbers, kept with the twin; in JSON
/// the ones that are usually zero are left out while they are.
/// </summary>
public sealed class ReadingCounters
{
    public long Applied { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Late { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Duplicates { get; set; }

    /// <summary>Refused for breaking a rule (a value out of range, a missing provisioning value).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Invalid { get; set; }

    /// <summary>Refused because the device time was ahead of the server clock beyond the allowed skew.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long FromFuture { get; set; }

    /// <summary>Counts a reading by the verdict it got from <see cref="ReadingOrder.Classify"/>.</summary>
    public void Count(ReadingVerdict verdict)
    {
        switch (verdict)
        {
            case ReadingVerdict.Apply: Applied++; break;
            case ReadingVerdict.Late: Late++; break;
            case ReadingVerdict.Duplicate: Duplicates++; break;
            case ReadingVerdict.FromFuture: FromFuture++; break;
        }
    }

    public void CountInvalid() => Invalid++;
}
