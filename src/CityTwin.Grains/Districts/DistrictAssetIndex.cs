using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Queries;
using CityTwin.Domain.Common;

namespace CityTwin.Grains.Districts;

/// <summary>
/// The district's asset index for queries: per asset one small struct (its id, provisioned location, kind, and
/// one-byte codes for status, value band and sensor health, and a stale flag), kept from the enrolments and
/// notifications the district already receives. It narrows a query's candidates and never leaves out one that
/// may match: an asset whose bands or staleness the district has not heard since it activated passes those filters.
/// </summary>
/// <remarks>
/// Memory: 40 bytes per entry plus the id-to-slot map (some 28 bytes) and a sorted slot order (4 bytes);
/// the id string is the one the roster holds. No collection per asset.
/// </remarks>
public sealed class DistrictAssetIndex
{
    /// <summary>An entry's code for a value the district has not heard; it passes every filter on that value.</summary>
    private const byte NotHeard = 0;

    /// <summary>The code of values past the 254 distinct ones a table keeps; passes every filter (never wrong, only less narrow).</summary>
    private const byte Other = 255;

    private Entry[] entries = new Entry[16];
    private int used;
    private readonly Stack<int> freeSlots = new();
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private readonly ValueCodes codes = new();
    /// <summary>Slots in ordinal asset id order, rebuilt on the first query after an asset came or went.</summary>
    private int[] order = [];
    private bool orderStale;

    [Flags]
    private enum EntryFlags : byte
    {
        None = 0,
        Located = 1,
        /// <summary>The asset's bands (status, value band, health) are known.</summary>
        Pictured = 2,
        /// <summary>Whether the asset is stale is known (told at enrolment or by a signal since).</summary>
        StaleKnown = 4,
        Stale = 8,
    }

    private struct Entry
    {
        public string AssetId;
        public double Latitude;
        public double Longitude;
        /// <summary>The twin's time of the picture and staleness held (ticks): older news arriving late is not taken.</summary>
        public long HeardAt;
        public AssetKind Kind;
        public byte Status;
        public byte Band;
        public byte Health;
        public EntryFlags Flags;
    }

    public int Count => slots.Count;

    /// <summary>An asset the district knows of (its roster, a notification) before it enrolled: it matches every value filter.</summary>
    public void Know(string assetId, AssetKind kind)
    {
        ref var entry = ref EntryOf(assetId, kind);
        entry.Kind = kind;
    }

    /// <summary>
    /// An asset enrolled: its location, picture and staleness at <paramref name="at"/> (null: not said). One-way
    /// messages may overtake each other, so an enrolment older than news already taken changes only the location;
    /// at the same instant a notification wins (a twin enrols before it notifies).
    /// </summary>
    public void Enrolled(string assetId, AssetKind kind, GeoPoint? location, AssetPicture? picture, bool? stale, DateTimeOffset? at = null)
    {
        ref var entry = ref EntryOf(assetId, kind);
        entry.Kind = kind;
        if (location is not null)
        {
            entry.Latitude = location.Latitude;
            entry.Longitude = location.Longitude;
            entry.Flags |= EntryFlags.Located;
        }
        if (at is { } when)
        {
            if (when.UtcTicks <= entry.HeardAt)
                return;
            entry.HeardAt = when.UtcTicks;
        }
        if (stale is { } isStale)
            entry.Flags = (entry.Flags & ~EntryFlags.Stale) | EntryFlags.StaleKnown | (isStale ? EntryFlags.Stale : EntryFlags.None);
        if (picture is not null)
            Pictured(ref entry, picture);
    }

    /// <summary>A twin's notification: its new bands, and whether it went stale or came back.</summary>
    public void Heard(AssetNotification notification)
    {
        ref var entry = ref EntryOf(notification.AssetId, notification.Kind);
        entry.Kind = notification.Kind;
        if (notification.At.UtcTicks < entry.HeardAt)
            return;
        entry.HeardAt = notification.At.UtcTicks;
        if (notification.Picture is { } picture)
            Pictured(ref entry, picture);
        foreach (var signal in notification.Signals)
        {
            if (signal.Code != Staleness.Code)
                continue;
            if (signal.Kind == SignalKind.BecameStale)
                entry.Flags |= EntryFlags.StaleKnown | EntryFlags.Stale;
            else if (signal.Kind == SignalKind.BackOnline)
                entry.Flags = (entry.Flags & ~EntryFlags.Stale) | EntryFlags.StaleKnown;
        }
    }

    public void Remove(string assetId)
    {
        if (!slots.Remove(assetId, out var slot))
            return;
        entries[slot] = default;
        freeSlots.Push(slot);
        orderStale = true;
    }

    /// <summary>
    /// The assets that may match <paramref name="query"/>, in ordinal id order strictly after <paramref name="afterAssetId"/>,
    /// at most <paramref name="limit"/>; <c>More</c> when the scan stopped before the end.
    /// </summary>
    public IndexCandidates Find(AssetQuery query, string? afterAssetId, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ordered = Ordered();
        var start = 0;
        if (afterAssetId is not null)
        {
            // First position whose id is greater than the cursor's.
            int low = 0, high = ordered.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (string.CompareOrdinal(entries[ordered[middle]].AssetId, afterAssetId) <= 0) low = middle + 1;
                else high = middle;
            }
            start = low;
        }
        var filter = new CompiledFilter(query, codes);
        var found = new List<IndexCandidate>(Math.Min(limit, 256));
        for (var i = start; i < ordered.Length; i++)
        {
            ref readonly var entry = ref entries[ordered[i]];
            if (!filter.MayMatch(in entry))
                continue;
            if (found.Count == limit)
                return new IndexCandidates(found, More: true);
            found.Add(new IndexCandidate(
                entry.AssetId,
                entry.Kind,
                (entry.Flags & EntryFlags.Located) != 0 ? new GeoPoint(entry.Latitude, entry.Longitude) : null));
        }
        return new IndexCandidates(found, More: false);
    }

    private ref Entry EntryOf(string assetId, AssetKind kind)
    {
        if (!slots.TryGetValue(assetId, out var slot))
        {
            slot = freeSlots.Count > 0 ? freeSlots.Pop() : used++;
            if (slot == entries.Length)
                Array.Resize(ref entries, entries.Length * 2);
            entries[slot] = new Entry { AssetId = assetId, Kind = kind };
            slots[assetId] = slot;
            orderStale = true;
        }
        return ref entries[slot];
    }

    private void Pictured(ref Entry entry, AssetPicture picture)
    {
        var (statusBand, valueBand) = BandsOf(entry.Kind);
        entry.Status = codes.Code(picture.Band(statusBand));
        entry.Band = codes.Code(picture.Band(valueBand));
        entry.Health = codes.Code(picture.Band(PictureBands.Health));
        entry.Flags |= EntryFlags.Pictured;
    }

    /// <summary>Which of a kind's bands is its status (<see cref="AssetQuery.Status"/>) and which its value band.</summary>
    private static (string Status, string Value) BandsOf(AssetKind kind) => kind switch
    {
        AssetKind.Bin => (PictureBands.Status, PictureBands.Fill),
        AssetKind.Streetlight => (PictureBands.Status, PictureBands.Power),
        AssetKind.Intersection => (PictureBands.Congestion, PictureBands.Traffic),
        AssetKind.Truck => (PictureBands.Status, PictureBands.Load),
        _ => (PictureBands.AirQuality, PictureBands.AirQuality),
    };

    /// <summary>
    /// Open figures per grid cell from the entries' locations and codes (no twin is asked); cells under
    /// <paramref name="k"/> assets are left out, trucks are never counted.
    /// </summary>
    public IReadOnlyList<CellAggregate> Cells(double cellMetres, int k)
    {
        var cells = new Dictionary<string, CellTally>(StringComparer.Ordinal);
        foreach (var slot in slots.Values)
        {
            ref readonly var entry = ref entries[slot];
            if ((entry.Flags & EntryFlags.Located) == 0 || entry.Kind == AssetKind.Truck)
                continue;
            var cell = Domain.OpenData.GridCells.Of(entry.Latitude, entry.Longitude, cellMetres);
            if (!cells.TryGetValue(cell.Id, out var tally))
                cells[cell.Id] = tally = new CellTally(cell);
            tally.Add(entry.Kind, codes.Name(entry.Status), codes.Name(entry.Band));
        }
        return [.. Domain.OpenData.KAnonymity.Publishable(cells.Values.OrderBy(c => c.Cell.Id, StringComparer.Ordinal), c => c.Assets, k)
            .Select(c => c.ToAggregate())];
    }

    private sealed class CellTally(Domain.OpenData.GridCell cell)
    {
        private static readonly string[] AirLevels = ["good", "fair", "moderate", "poor", "veryPoor", "extremelyPoor"];
        private static readonly string[] CongestionLevels = ["free", "moderate", "heavy", "gridlock"];
        private int bins, binsFull, lights, lightsWorking, intersections, congestionSum, congestionKnown, air, airKnown, airSum, airWorst;

        public Domain.OpenData.GridCell Cell => cell;

        public int Assets { get; private set; }

        public void Add(AssetKind kind, string? status, string? band)
        {
            Assets++;
            switch (kind)
            {
                case AssetKind.Bin:
                    bins++;
                    if (band == "75-100") binsFull++;
                    break;
                case AssetKind.Streetlight:
                    lights++;
                    if (status == "ok") lightsWorking++;
                    break;
                case AssetKind.Intersection:
                    intersections++;
                    if (Array.IndexOf(CongestionLevels, status) is var level and >= 0) { congestionSum += level; congestionKnown++; }
                    break;
                case AssetKind.AirQuality:
                    air++;
                    if (Array.IndexOf(AirLevels, status) is var index and >= 0) { airSum += index + 1; airKnown++; airWorst = Math.Max(airWorst, index + 1); }
                    break;
            }
        }

        public CellAggregate ToAggregate() => new(
            cell.Id, cell.South, cell.West, cell.North, cell.East, Assets,
            bins, bins > 0 ? (bins - binsFull) / (double)bins : null,
            lights, lightsWorking,
            intersections, congestionKnown > 0 ? congestionSum / (3.0 * congestionKnown) : null,
            air, airKnown > 0 ? airSum / (double)airKnown : null, airKnown > 0 ? AirLevels[airWorst - 1] : null);
    }

    private int[] Ordered()
    {
        if (!orderStale && order.Length == slots.Count)
            return order;
        var sorted = new int[slots.Count];
        var n = 0;
        foreach (var slot in slots.Values)
            sorted[n++] = slot;
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(entries[a].AssetId, entries[b].AssetId));
        order = sorted;
        orderStale = false;
        return order;
    }

    /// <summary>The query as codes, looked up once per query rather than once per entry.</summary>
    private readonly struct CompiledFilter
    {
        private readonly AssetQuery query;
        private readonly bool fill;
        private readonly byte? status;
        private readonly byte? health;
        /// <summary>Per fill-quarter code: whether a bin in that quarter may pass the fill filters.</summary>
        private readonly HashSet<byte>? fillCodes;

        public CompiledFilter(AssetQuery query, ValueCodes codes)
        {
            this.query = query;
            fill = query.FillAbove is not null || query.FillBelow is not null;
            status = query.Status is null ? null : codes.Find(query.Status);
            health = query.SensorHealth is null ? null : codes.Find(query.SensorHealth);
            if (fill)
            {
                fillCodes = [];
                foreach (var (name, low, high) in Quarters)
                {
                    if ((query.FillAbove is not { } above || high > above || high >= 1) && (query.FillBelow is not { } below || low < below))
                        fillCodes.Add(codes.Find(name) ?? NotHeard);
                }
            }
        }

        private static readonly (string Name, double Low, double High)[] Quarters =
            [("0-25", 0, 0.25), ("25-50", 0.25, 0.5), ("50-75", 0.5, 0.75), ("75-100", 0.75, 1)];

        public bool MayMatch(in Entry entry)
        {
            if (query.Kind is { } kind && entry.Kind != kind)
                return false;
            if (fill && entry.Kind != AssetKind.Bin)
                return false;
            if (query.SensorHealth is not null && entry.Kind is not (AssetKind.Bin or AssetKind.AirQuality))
                return false;
            if ((entry.Flags & EntryFlags.Pictured) != 0)
            {
                if (query.Status is not null && !Same(entry.Status, status))
                    return false;
                if (query.SensorHealth is not null && !Same(entry.Health, health))
                    return false;
                if (fillCodes is not null && entry.Band is not (Other or NotHeard) && !fillCodes.Contains(entry.Band))
                    return false;
            }
            if (query.Stale is { } stale && (entry.Flags & EntryFlags.StaleKnown) != 0 && ((entry.Flags & EntryFlags.Stale) != 0) != stale)
                return false;
            // A truck moves: only its live position says where it is.
            if ((entry.Flags & EntryFlags.Located) != 0 && entry.Kind != AssetKind.Truck)
            {
                if (query.Box is { } box && !box.Contains(entry.Latitude, entry.Longitude))
                    return false;
                if (query.Near is { } near
                    && GeoDistance.HaversineMetres(near.Centre.Latitude, near.Centre.Longitude, entry.Latitude, entry.Longitude) > near.RadiusMetres)
                    return false;
            }
            return true;
        }

        /// <summary>An entry's code against the filter's: a value not heard, or past the table, may be anything.</summary>
        private static bool Same(byte entryCode, byte? filterCode) =>
            entryCode is NotHeard or Other || entryCode == filterCode;
    }

    /// <summary>Band values as one-byte codes, per district (a city has a few dozen distinct values).</summary>
    private sealed class ValueCodes
    {
        private readonly Dictionary<string, byte> byValue = new(StringComparer.Ordinal);
        private readonly List<string> names = [];

        public byte Code(string? value)
        {
            if (value is null)
                return NotHeard;
            if (byValue.TryGetValue(value, out var code))
                return code;
            if (byValue.Count >= Other - 1)
                return Other;
            code = (byte)(byValue.Count + 1);
            byValue[value] = code;
            names.Add(value);
            return code;
        }

        public byte? Find(string value) => byValue.TryGetValue(value, out var code) ? code : null;

        /// <summary>The value of a code; null for one not heard or past the table.</summary>
        public string? Name(byte code) => code is NotHeard or Other ? null : names[code - 1];
    }
}
