using CityTwin.Api.Security;
using CityTwin.Contracts.Access;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Collection;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Api.Tests;

/// <summary>Who may call an endpoint.</summary>
public enum Access
{
    Anonymous,
    /// <summary>Any signed-in caller, public included.</summary>
    SignedIn,
    Read,
    Command,
    Admin,
}

/// <summary>
/// One endpoint of the API as the matrix calls it: its route pattern (as the host maps it), who may call it,
/// and how to make a concrete path and body that succeed for a caller with the right (fresh resources per call,
/// so a command that works once works in every cell).
/// </summary>
public sealed record EndpointCase(string Method, string Pattern, Access Access, Func<ApiHostFixture, Task<(string Path, object? Body)>>? Arrange = null)
{
    public Task<(string Path, object? Body)> ArrangeAsync(ApiHostFixture host) =>
        Arrange?.Invoke(host) ?? Task.FromResult<(string, object?)>((Pattern, null));

    public bool Allows(string? role) => Access switch
    {
        Access.Anonymous => true,
        Access.SignedIn => role is not null,
        Access.Read => role is ApiRoles.Admin or ApiRoles.Operator or ApiRoles.Analyst,
        Access.Command => role is ApiRoles.Admin or ApiRoles.Operator,
        Access.Admin => role is ApiRoles.Admin,
        _ => false,
    };

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every endpoint the host maps under /api/v1 (and the OpenAPI document). <see cref="EndpointMatrixTests"/> fails
/// when the host maps one that is not here, so a new endpoint cannot skip the role matrix.
/// </summary>
public static class EndpointTable
{
    private const string D = ApiHostFixture.District;

    private static Func<ApiHostFixture, Task<(string, object?)>> At(string path, object? body = null) =>
        _ => Task.FromResult<(string, object?)>((path, body));

    private static Func<ApiHostFixture, Task<(string, object?)>> With(Func<ApiHostFixture, Task<string>> make, Func<string, string> path, object? body = null) =>
        async host => (path(await make(host)), body);

    private static readonly object Override = new { level = 0.4, until = DateTimeOffset.UtcNow.AddDays(1), reason = "matrix" };

    public static IReadOnlyList<EndpointCase> All { get; } =
    [
        new("GET", "/openapi/v1.json", Access.Anonymous),
        new("POST", "/api/v1/session", Access.Anonymous, h => Task.FromResult<(string, object?)>(("/api/v1/session", new { apiKey = h.KeyOf(ApiRoles.Analyst) }))),
        new("GET", "/api/v1/session", Access.SignedIn),
        new("DELETE", "/api/v1/session", Access.SignedIn),

        new("GET", "/api/v1/open/districts", Access.Anonymous),
        new("GET", "/api/v1/open/cells", Access.Anonymous, At($"/api/v1/open/cells?district={D}&cellMetres=250")),
        new("POST", "/api/v1/citizen-reports", Access.Anonymous,
            At("/api/v1/citizen-reports", new { kind = "overflowingBin", latitude = ApiHostFixture.Centre.Latitude, longitude = ApiHostFixture.Centre.Longitude })),

        new("GET", "/api/v1/assets", Access.Read, At($"/api/v1/assets?kind=bin&district={D}&pageSize=10")),
        new("GET", "/api/v1/assets/{id}", Access.Read, At($"/api/v1/assets/{ApiHostFixture.BinId}")),
        new("GET", "/api/v1/assets/{id}/history", Access.Read, At($"/api/v1/assets/{ApiHostFixture.BinId}/history")),

        new("GET", "/api/v1/districts", Access.Read),
        new("GET", "/api/v1/districts/{districtId}", Access.Read, At($"/api/v1/districts/{D}")),
        new("GET", "/api/v1/districts/{districtId}/alerts", Access.Read, At($"/api/v1/districts/{D}/alerts")),
        new("POST", "/api/v1/districts/{districtId}/alerts/{alertId:long}/acknowledge", Access.Command,
            async h => ($"/api/v1/districts/{D}/alerts/{await h.NewAlertAsync()}/acknowledge", null)),
        new("POST", "/api/v1/districts/{districtId}/alerts/{alertId:long}/resolve", Access.Command,
            async h => ($"/api/v1/districts/{D}/alerts/{await h.NewAlertAsync()}/resolve", new { note = "emptied by hand" })),

        new("GET", "/api/v1/districts/{districtId}/collection-plan", Access.Read, At($"/api/v1/districts/{D}/collection-plan")),
        new("GET", "/api/v1/districts/{districtId}/dimming", Access.Read, At($"/api/v1/districts/{D}/dimming")),
        new("GET", "/api/v1/districts/{districtId}/events", Access.Read, At($"/api/v1/districts/{D}/events")),
        new("GET", "/api/v1/districts/{districtId}/map", Access.Read, At($"/api/v1/districts/{D}/map")),
        new("GET", "/api/v1/districts/{districtId}/dimming-policy/history", Access.Read, At($"/api/v1/districts/{D}/dimming-policy/history")),
        new("PUT", "/api/v1/districts/{districtId}/dimming-policy", Access.Admin, At($"/api/v1/districts/{D}/dimming-policy", new { dimmedLevel = 0.3, note = "matrix" })),

        new("POST", "/api/v1/commands/lights/{lightId}/override", Access.Command, With(h => h.NewLightAsync(), id => $"/api/v1/commands/lights/{id}/override", Override)),
        new("POST", "/api/v1/commands/districts/{districtId}/dimming-override", Access.Command, At($"/api/v1/commands/districts/{D}/dimming-override", Override)),
        new("DELETE", "/api/v1/commands/districts/{districtId}/overrides/{overrideId}", Access.Command, With(async h =>
        {
            var id = ApiHostFixture.NewId("ovr");
            var set = await h.Grains.GetGrain<IDistrictGrain>(D).SetLightingOverride(
                new LightingOverrideRequest(id, null, 0.5, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), "matrix"));
            Assert.True(set.Accepted, string.Join("; ", set.Errors));
            return id;
        }, id => $"/api/v1/commands/districts/{D}/overrides/{id}")),
        new("POST", "/api/v1/commands/districts/{districtId}/road-segments/{segmentId}/close", Access.Command,
            At($"/api/v1/commands/districts/{D}/road-segments/{ApiHostFixture.SegmentId}/close", new { reason = "works" })),
        new("POST", "/api/v1/commands/districts/{districtId}/road-segments/{segmentId}/reopen", Access.Command,
            At($"/api/v1/commands/districts/{D}/road-segments/{ApiHostFixture.SegmentId}/reopen")),
        new("POST", "/api/v1/commands/trucks/{truckId}/dispatch", Access.Command, With(h => h.NewTruckAsync(), id => $"/api/v1/commands/trucks/{id}/dispatch")),
        new("POST", "/api/v1/commands/trucks/{truckId}/recall", Access.Command, With(h => h.NewTruckAsync(), id => $"/api/v1/commands/trucks/{id}/recall")),
        new("POST", "/api/v1/commands/bins/{binId}/collected", Access.Command, With(h => h.NewBinAsync(), id => $"/api/v1/commands/bins/{id}/collected", new { })),
        new("POST", "/api/v1/commands/districts/{districtId}/maintenance", Access.Command,
            At($"/api/v1/commands/districts/{D}/maintenance", new { until = DateTimeOffset.UtcNow.AddHours(2), reason = "matrix" })),
        new("DELETE", "/api/v1/commands/districts/{districtId}/maintenance/{windowId}", Access.Command, With(async h =>
        {
            var id = ApiHostFixture.NewId("mnt");
            var set = await h.Grains.GetGrain<IDistrictGrain>(D).SetMaintenance(
                new MaintenanceRequest(id, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), "matrix"));
            Assert.True(set.Accepted, string.Join("; ", set.Errors));
            return id;
        }, id => $"/api/v1/commands/districts/{D}/maintenance/{id}")),
        new("GET", "/api/v1/districts/{districtId}/maintenance", Access.Read, At($"/api/v1/districts/{D}/maintenance")),

        new("POST", "/api/v1/provisioning/assets", Access.Admin, _ => Task.FromResult<(string, object?)>(("/api/v1/provisioning/assets", new
        {
            assetId = ApiHostFixture.NewId("bin"), kind = "bin", districtId = D, location = new { latitude = 52.37, longitude = 4.89 },
            deviceId = ApiHostFixture.NewId("dev"),
            spec = new Dictionary<string, object> { ["$type"] = "bin", ["binCapacityLitres"] = 1100, ["binFullnessThreshold"] = 0.8, ["depthCm"] = 120, ["maxLoadKg"] = 400 },
        }))),
        new("POST", "/api/v1/provisioning/assets/{id}/replace-device", Access.Admin,
            With(h => h.NewBinAsync(), id => $"/api/v1/provisioning/assets/{id}/replace-device", new { deviceId = ApiHostFixture.NewId("dev") })),
        new("POST", "/api/v1/provisioning/assets/{id}/move", Access.Admin,
            With(h => h.NewBinAsync(), id => $"/api/v1/provisioning/assets/{id}/move", new { districtId = ApiHostFixture.OtherDistrict })),
        new("POST", "/api/v1/provisioning/assets/{id}/decommission", Access.Admin, With(h => h.NewBinAsync(), id => $"/api/v1/provisioning/assets/{id}/decommission")),
        new("DELETE", "/api/v1/provisioning/assets/{id}", Access.Admin, With(async h =>
        {
            var id = await h.NewBinAsync();
            Assert.True((await h.Grains.GetGrain<Contracts.Bins.IBinGrain>(id).Decommission()).Accepted);
            return id;
        }, id => $"/api/v1/provisioning/assets/{id}")),
        new("POST", "/api/v1/provisioning/import", Access.Admin, _ => Task.FromResult<(string, object?)>(("/api/v1/provisioning/import?format=csv",
            new CsvBody($"assetId,kind,districtId,latitude,longitude,deviceId,binCapacity,depthCm,maxLoadKg\n{ApiHostFixture.NewId("bin")},bin,{D},52.37,4.89,{ApiHostFixture.NewId("dev")},1100,120,400\n")))),
        new("POST", "/api/v1/provisioning/devices/{deviceId}/credential", Access.Admin, With(h => h.NewBinAsync(), id => $"/api/v1/provisioning/devices/dev-{id}/credential")),
        new("POST", "/api/v1/provisioning/devices/{deviceId}/credential/rotate", Access.Admin, With(IssuedDeviceAsync, id => $"/api/v1/provisioning/devices/{id}/credential/rotate")),
        new("DELETE", "/api/v1/provisioning/devices/{deviceId}/credential", Access.Admin, With(IssuedDeviceAsync, id => $"/api/v1/provisioning/devices/{id}/credential")),

        new("GET", "/api/v1/keys", Access.Admin),
        new("POST", "/api/v1/keys", Access.Admin, _ => Task.FromResult<(string, object?)>(("/api/v1/keys", new { name = ApiHostFixture.NewId("key"), role = ApiRoles.Analyst }))),
        new("DELETE", "/api/v1/keys/{name}", Access.Admin, With(async h =>
        {
            var name = ApiHostFixture.NewId("key");
            var added = await h.Services.GetRequiredService<ApiKeyDirectory>().Registry.Add(
                new ApiKeyEntry(name, ApiRoles.Analyst, h.Hasher.Hash(ApiKeyHasher.NewKey()), DateTimeOffset.UtcNow, "matrix"));
            Assert.True(added.Accepted);
            return name;
        }, name => $"/api/v1/keys/{name}")),
        new("GET", "/api/v1/audit", Access.Admin),
    ];

    private static async Task<string> IssuedDeviceAsync(ApiHostFixture host)
    {
        var device = $"dev-{await host.NewBinAsync()}";
        Assert.True((await host.Grains.GetGrain<IDeviceGrain>(device).IssueCredential()).Issued);
        return device;
    }
}

/// <summary>A request body sent as text/csv rather than JSON.</summary>
public sealed record CsvBody(string Text);
