using CityTwin.Domain.Common;

namespace CityTwin.Domain.Streetlights;

/// <summary>
/// The last <see cref="Capacity"/> readings as (time, level, power) for sparklines, oldest first. Kept
/// as 16-bit steps (levels in thousandths, power in tenths of a watt: the resolution it always had, up
/// to 6,553.5 W where validation stops at 4,010 W), which halves what floats took; JSON carries the
/// same decimal numbers as before, so rows written with floats read back unchanged.
/// </summary>
public sealed class LightHistory() : TimedPairs<ushort>(Capacity)
{
    public const int Capacity = 48;

    private const double LevelSteps = 1000, WattSteps = 10;

    /// <summary>Every slot's illuminance level 0..1, rounded to 0.001, as stored in JSON.</summary>
    public float[] Levels { get => ReadChannel(0, ToLevel); set => WriteChannel(0, value, FromLevel); }

    /// <summary>Every slot's power in W, rounded to 0.1 W (finer than metering nodes resolve), as stored in JSON.</summary>
    public float[] Watts { get => ReadChannel(1, ToWatts); set => WriteChannel(1, value, FromWatts); }

    public double LevelAt(int index) => FirstAt(index) / LevelSteps;

    public double WattsAt(int index) => SecondAt(index) / WattSteps;

    public void Add(DateTimeOffset at, double level, double watts) =>
        AddSample(at, Quantise(level, LevelSteps), Quantise(watts, WattSteps));

    private static ushort Quantise(double value, double steps) =>
        (ushort)Math.Clamp(Math.Round(double.IsFinite(value) ? value * steps : 0), 0, ushort.MaxValue);

    private static readonly Func<ushort, float> ToLevel = static stored => (float)(stored / LevelSteps);
    private static readonly Func<float, ushort> FromLevel = static level => Quantise(level, LevelSteps);
    private static readonly Func<ushort, float> ToWatts = static stored => (float)(stored / WattSteps);
    private static readonly Func<float, ushort> FromWatts = static watts => Quantise(watts, WattSteps);
}
