namespace CityTwin.Domain.Common;

/// <summary>A rule a value broke: the field it was in and what was wrong.</summary>
public sealed record RuleViolation(string Field, string Message);
