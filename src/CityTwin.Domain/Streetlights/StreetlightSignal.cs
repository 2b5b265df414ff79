namespace CityTwin.Domain.Streetlights;

/// <summary>A change the district should hear about: a fault raised (<paramref name="Raised"/>) or cleared.</summary>
public sealed record StreetlightSignal(string Code, bool Raised)
{
    public const string DefectiveLamp = "defectiveLamp";
    public const string ColumnIssue = "columnIssue";
}
