namespace CityTwin.Api.Security;

/// <summary>
/// Authentication scheme names. <see cref="Default"/> is a policy scheme: an <c>X-Api-Key</c> header or
/// <c>Authorization: ApiKey</c> goes to <see cref="ApiKey"/>, <c>Authorization: Bearer</c> to the scheme named by
/// <c>Api:Authentication:BearerScheme</c> when one is configured (a JWT bearer), anything else to <see cref="Cookie"/>.
/// </summary>
public static class ApiAuthSchemes
{
    public const string Default = "CityTwin";
    public const string ApiKey = "ApiKey";
    public const string Cookie = "CityTwinSession";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string CookieName = "citytwin.session";
}
