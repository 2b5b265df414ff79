namespace CityTwin.Domain.Trucks;

/// <summary>The truck emptied a bin.</summary>
/// <param name="CollectionId">Unique per lift; the same id seen again is the same collection.</param>
/// <param name="BinId">The bin's asset id.</param>
/// <param name="WeightKg">Weight lifted, from the lifter's load cell.</param>
public sealed record CollectionEvent(string CollectionId, string BinId, double WeightKg);
