namespace CityTwin.Grains.Twins;

/// <summary>How the silo's <see cref="WriteBehindScheduler"/> asks a twin to write its unsaved changes.</summary>
[Alias("citytwin.IWriteBehindTwin")]
public interface IWriteBehindTwin : IGrainWithStringKey
{
    /// <summary>Writes what the twin has not yet written, if anything; a failed write registers it again.</summary>
    [Alias("WriteUnsaved")]
    Task WriteUnsaved();
}
