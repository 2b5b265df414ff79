using CityTwin.Contracts.Assets;

namespace CityTwin.Grains.Assets;

/// <summary>
/// One per asset id, whatever the kind: makes an id belong to one kind only, and tells a twin that
/// was asked about an unknown asset whether the id is another kind's. Internal to the silo.
/// </summary>
[Alias("citytwin.IAssetRegistrationGrain")]
public interface IAssetRegistrationGrain : IAssetKindLookup
{
    /// <summary>Claims the id for <paramref name="kind"/>; returns the kind that holds it afterwards.</summary>
    [Alias("Claim")]
    Task<AssetKind> Claim(AssetKind kind);

    [Alias("Release")]
    Task Release(AssetKind kind);
}
