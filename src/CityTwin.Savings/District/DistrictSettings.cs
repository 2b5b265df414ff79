using CityTwin.Domain.Collection;
using CityTwin.Domain.Lighting;
using CityTwin.Routing.Problems;

namespace CityTwin.Savings.District;

/// <summary>
/// What a simulated district looks like and how the week is run. Defaults: a 3 × 3 km district of Barcelona's
/// latitude and time zone, its depot 1.5 km outside it, a November week (long nights, no clock change), bins
/// collected daily from 07:00 if selected, sensors installed two weeks before the measured week.
/// </summary>
public sealed record DistrictSettings
{
    public int Bins { get; init; } = 200;

    public int Lights { get; init; } = 400;

    /// <summary>Side of the square the bins and lights lie in, metres.</summary>
    public double SideMetres { get; init; } = 3_000;

    /// <summary>Outside the district, as depots usually are: every round pays its drive in and out.</summary>
    public PlanePoint Depot { get; init; } = new(-1_500, 1_500);

    public string TimeZoneId { get; init; } = "Europe/Madrid";

    public double Latitude { get; init; } = 41.39;

    public double Longitude { get; init; } = 2.17;

    /// <summary>The first local day of the measured week.</summary>
    public DateOnly WeekStart { get; init; } = new(2026, 11, 2);

    public int WeekDays { get; init; } = 7;

    /// <summary>
    /// Days the sensors report (and the rules learn) before the measured week while the fixed schedule still
    /// runs; the measured week starts from where that left the bins, the same for both strategies.
    /// </summary>
    public int WarmUpDays { get; init; } = 14;

    /// <summary>How often a bin's sensor reports its level.</summary>
    public TimeSpan SensorInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Ultrasonic noise, one standard deviation.</summary>
    public double SensorNoiseCm { get; init; } = 1.0;

    public double BinDepthCm { get; init; } = 120;

    public double BinCapacityLitres { get; init; } = 1_100;

    public double FullnessThreshold { get; init; } = 0.8;

    /// <summary>Loose litres a truck carries: a 16 m³ rear loader compacting about 4:1.</summary>
    public long TruckCapacityLitres { get; init; } = 60_000;

    /// <summary>Street distance over straight-line distance.</summary>
    public double DetourFactor { get; init; } = 1.3;

    /// <summary>Average speed while collecting (stop and go), km/h.</summary>
    public double CollectionSpeedKmh { get; init; } = 20;

    /// <summary>Time at each bin: stop, lift, empty, put back.</summary>
    public TimeSpan ServicePerBin { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>The daily collection window (every day of the week).</summary>
    public TimeOnly WindowStart { get; init; } = new(7, 0);

    public TimeSpan WindowLength { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The planner's time limit for each window's plan.</summary>
    public TimeSpan PlanTimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    public CollectionCostModel CostModel { get; init; } = new();

    /// <summary>
    /// Hardware cost of one smart-bin sensor, in the cost model's currency: 750, the midpoint of the $500 to
    /// $1,000 Barcelona paid, taken at par.
    /// </summary>
    public decimal SensorCostPerBin { get; init; } = 750m;

    /// <summary>Intersections the lights' traffic comes from.</summary>
    public int Intersections { get; init; } = 24;

    public double LampRatedWatts { get; init; } = 60;

    public double LampStandbyWatts { get; init; } = 0.5;

    /// <summary>How often intersections report their traffic intensity.</summary>
    public TimeSpan TrafficReportInterval { get; init; } = TimeSpan.FromMinutes(5);

    public Tariff Tariff { get; init; } = Tariff.Flat(0.20m);

    public DimmingPolicy Policy { get; init; } = new() { DistrictId = "sim" };

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public IReadOnlyList<WeeklyWindow> Windows =>
        [.. Enum.GetValues<DayOfWeek>().Select(day => new WeeklyWindow(day, WindowStart, WindowLength))];
}
