using CityTwin.Contracts.Assets;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Districts;

/// <summary>
/// Rebuilding what the district keeps only in memory (the picture and the active conditions). Twins enrol with
/// both whenever they activate; a district reactivated while its twins stayed active (its silo lost, a crash of
/// the district alone) would otherwise wait for each twin's next band change. So, a sweep after activation, it
/// asks each roster asset that has not enrolled since to enrol again, a batch per staleness sweep interval:
/// the roster is walked once per activation, never per query.
/// </summary>
public sealed partial class DistrictGrain
{
    private IGrainTimer? reenrolTimer;

    private void AskRosterToReenrol()
    {
        if (roster.State.Assets.Count == 0)
            return;
        var pending = new Queue<string>(roster.State.Assets.Keys);
        reenrolTimer = this.RegisterGrainTimer(
            () =>
            {
                var asked = 0;
                while (asked < MaxChecksPerSweep && pending.TryDequeue(out var assetId))
                {
                    if (picture.Of(assetId) is not null || !roster.State.Assets.TryGetValue(assetId, out var kind))
                        continue;
                    TwinGrains.Get(GrainFactory, kind, assetId).Reenroll().Ignore();
                    asked++;
                }
                if (pending.Count == 0)
                {
                    reenrolTimer?.Dispose();
                    reenrolTimer = null;
                }
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(options.StalenessSweepInterval, options.StalenessSweepInterval));
    }

    /// <summary>An enrolment says which conditions the asset has raised now: the district holds exactly those.</summary>
    private void ConditionsAre(string assetId, AssetKind kind, IReadOnlyList<string> codes)
    {
        var wanted = codes.Select(code => $"{kind.Segment()}:{code}").ToArray();
        foreach (var held in conditionsByAsset.GetValueOrDefault(assetId) ?? [])
        {
            if (!wanted.Contains(held, StringComparer.Ordinal))
                Clear(assetId, held);
        }
        foreach (var condition in wanted)
            Raise(assetId, condition);
    }
}
