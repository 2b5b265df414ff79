namespace CityTwin.Api.Security;

/// <summary>The roles a key (or a bearer token's role claim) carries, as <c>ClaimTypes.Role</c>.</summary>
public static class ApiRoles
{
    /// <summary>Keys, provisioning, device credentials, policies, and all an operator may do.</summary>
    public const string Admin = "admin";

    /// <summary>Read, command, alerts.</summary>
    public const string Operator = "operator";

    /// <summary>Read all but secrets; no commands.</summary>
    public const string Analyst = "analyst";

    /// <summary>Open data and citizen reports only.</summary>
    public const string Public = "public";

    public static IReadOnlyList<string> All { get; } = [Admin, Operator, Analyst, Public];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorization policies by what a caller may do.</summary>
public static class ApiPolicies
{
    public const string Read = "read";
    public const string Command = "command";
    public const string Admin = "admin";
}
