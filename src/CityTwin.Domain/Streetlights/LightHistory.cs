using CityTwin.Domain.Common;

namespace CityTwin.Domain.Streetlights;

/// <summary>The last <see cref="Capacity"/> readings as (time, level, power) for sparklines, oldest first.</summary>
public sealed class LightHistory() : TimedPairs(Capacity)
{
    public const int Capacity = 48;

    /// <summary>Illuminance level 0..1, rounded to 0.001.</summary>
    public float[] Levels { get => First; set => First = value; }

    /// <summary>Power in W, rounded to 0.1 W, which is finer than metering nodes resolve.</summary>
    public float[] Watts { get => Second; set => Second = value; }

    public void Add(DateTimeOffset at, double level, double watts) =>
        AddSample(at, (float)Math.Round(level, 3), (float)Math.Round(watts, 1));
}
