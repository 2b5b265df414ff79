namespace CityTwin.Domain.Trucks;

/// <summary>
/// Fingerprints of the last <see cref="Capacity"/> collection ids, so a collection repeated in later reports
/// counts once. Ids are kept as 32-bit FNV-1a hashes (4 bytes instead of a string each); two different
/// collections among the last sixteen sharing a hash has odds of about 1 in 270 million.
/// </summary>
public sealed class RecentCollections
{
    public const int Capacity = 16;

    public int[] Keys { get; set; } = new int[Capacity];

    public int Count { get; set; }

    /// <summary>Remembers the id; false when it was already among the recent ones.</summary>
    public bool Remember(string collectionId)
    {
        var key = Fingerprint(collectionId);
        if (Array.IndexOf(Keys, key, 0, Count) >= 0)
            return false;
        if (Count == Capacity)
        {
            Array.Copy(Keys, 1, Keys, 0, Capacity - 1);
            Count--;
        }
        Keys[Count++] = key;
        return true;
    }

    /// <summary>
    /// FNV-1a over the UTF-16 code units. string.GetHashCode is randomised per process, so it cannot be
    /// persisted.
    /// </summary>
    private static int Fingerprint(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return unchecked((int)hash);
    }
}
