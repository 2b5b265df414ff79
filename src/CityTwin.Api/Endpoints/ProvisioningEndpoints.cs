using CityTwin.Api.Audit;
using CityTwin.Api.Problems;
using CityTwin.Api.Security;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Inventory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Endpoints;

public sealed record ReplaceDeviceBody(string? DeviceId);

public sealed record MoveBody(string? DistrictId);

/// <summary>A device's new secret, shown only in this answer.</summary>
public sealed record DeviceSecretView(string DeviceId, string Secret);

/// <summary>Provisioning and device credentials (admin); every call is audited.</summary>
internal static class ProvisioningEndpoints
{
    /// <summary>Import bodies above this are refused before they are read (a city's inventory fits well within it).</summary>
    public const long MaxImportBytes = 64 * 1024 * 1024;

    public static RouteGroupBuilder MapProvisioning(this RouteGroupBuilder v1)
    {
        var provisioning = v1.MapGroup("/provisioning").WithTags("Provisioning")
            .RequireAuthorization(ApiPolicies.Admin)
            .AddEndpointFilter<AuditFilter>();
        provisioning.MapPost("/assets", Provision);
        provisioning.MapPost("/assets/{id}/replace-device", async (string id, ReplaceDeviceBody body, GrainReferences grains) =>
            string.IsNullOrWhiteSpace(body.DeviceId)
                ? ApiProblems.Invalid("deviceId", "is required")
                : await OnAssetAsync(grains, id, twin => twin.ReplaceDevice(body.DeviceId)));
        provisioning.MapPost("/assets/{id}/move", async (string id, MoveBody body, IGrainFactory factory, GrainReferences grains) =>
            string.IsNullOrWhiteSpace(body.DistrictId)
                ? ApiProblems.Invalid("districtId", "is required")
                : await CommandResults.UnknownDistrictAsync(factory, body.DistrictId) ?? await OnAssetAsync(grains, id, twin => twin.MoveToDistrict(body.DistrictId)));
        provisioning.MapPost("/assets/{id}/decommission", (string id, GrainReferences grains) => OnAssetAsync(grains, id, twin => twin.Decommission()));
        provisioning.MapDelete("/assets/{id}", (string id, GrainReferences grains) => OnAssetAsync(grains, id, twin => twin.Delete()));
        provisioning.MapPost("/import", Import);
        provisioning.MapPost("/devices/{deviceId}/credential", (string deviceId, IGrainFactory grains) =>
            Credential(deviceId, grains.GetGrain<IDeviceGrain>(deviceId).IssueCredential()));
        provisioning.MapPost("/devices/{deviceId}/credential/rotate", (string deviceId, IGrainFactory grains) =>
            Credential(deviceId, grains.GetGrain<IDeviceGrain>(deviceId).RotateCredential()));
        provisioning.MapDelete("/devices/{deviceId}/credential", async (string deviceId, IGrainFactory grains) =>
            CommandResults.From(await grains.GetGrain<IDeviceGrain>(deviceId).RevokeCredential()));
        return v1;
    }

    private static async Task<IResult> Provision(AssetProvision provision, IGrainFactory grains, GrainReferences references)
    {
        if (string.IsNullOrWhiteSpace(provision.AssetId))
            return ApiProblems.Invalid("assetId", "is required");
        if (provision.Spec is null)
            return ApiProblems.Invalid("spec", "is required, with \"$type\" the kind (bin, streetlight, intersection, truck, airquality)");
        if (provision.Spec.Kind != provision.Kind)
            return ApiProblems.Invalid("spec", $"must be the parameters of a {provision.Kind.Segment()}");
        if (await CommandResults.UnknownDistrictAsync(grains, provision.DistrictId ?? "") is { } unknown)
            return unknown;
        if (await grains.GetGrain<IAssetKindLookup>(provision.AssetId).GetKind() is { } holder && holder != provision.Kind)
            return ApiProblems.Conflict("assetId", $"'{provision.AssetId}' is a {holder.Segment()}");
        var result = await AssetTwins.Get(references, provision.Kind, provision.AssetId).Provision(provision);
        return CommandResults.From(result, () => TypedResults.Ok(provision));
    }

    private static async Task<IResult> OnAssetAsync(GrainReferences grains, string id, Func<IAssetTwinGrain, Task<Contracts.Common.CommandResult>> change)
    {
        if (await grains.Get<IAssetKindLookup>(id).GetKind() is not { } kind)
            return ApiProblems.NotFound("id", id, "asset");
        return CommandResults.From(await change(AssetTwins.Get(grains, kind, id)));
    }

    /// <summary>The file is the body (text/csv or GeoJSON); <c>format</c> says which (csv by default).</summary>
    private static async Task<IResult> Import(HttpRequest request, string? format, IGrainFactory grains)
    {
        var importFormat = ImportFormat.Csv;
        if (format is not null && !Enum.TryParse(format, ignoreCase: true, out importFormat))
            return ApiProblems.Invalid("format", $"'{format}' is not csv or geojson");
        if (request.ContentLength > MaxImportBytes)
            return ApiProblems.Invalid("body", $"is larger than {MaxImportBytes} bytes");
        using var reader = new StreamReader(request.Body);
        var content = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (content.Length == 0)
            return ApiProblems.Invalid("body", "is empty: send the inventory file as the request body");
        var report = await grains.GetGrain<IInventoryImportGrain>(InventoryImport.Key).Import(importFormat, content);
        if (report.Problems.Count == 0)
            return TypedResults.Ok(report);
        // Rows that could be used were; the answer names each problem by row and field.
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: $"{report.RowsRejected} of {report.RowsRead} rows were rejected",
            detail: string.Join("; ", report.Problems.Take(20).Select(p => $"row {p.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {p.Field}: {p.Message}")),
            extensions: new Dictionary<string, object?> { ["report"] = report });
    }

    private static async Task<IResult> Credential(string deviceId, Task<CredentialResult> issuing)
    {
        var result = await issuing;
        return result.Credential is { } credential
            ? TypedResults.Ok(new DeviceSecretView(deviceId, credential.Secret))
            : ApiProblems.Invalid(result.Errors);
    }
}
