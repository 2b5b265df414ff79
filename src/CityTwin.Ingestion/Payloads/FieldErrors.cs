using System.Globalization;

namespace CityTwin.Ingestion.Payloads;

/// <summary>Collects what is wrong with a payload, field by field, with the field's path as the device wrote it.</summary>
public sealed class FieldErrors
{
    private readonly string prefix;
    private readonly List<FieldError> errors;

    public FieldErrors()
        : this("", [])
    {
    }

    private FieldErrors(string prefix, List<FieldError> errors)
    {
        this.prefix = prefix;
        this.errors = errors;
    }

    public IReadOnlyList<FieldError> All => errors;

    public bool Any => errors.Count > 0;

    /// <summary>The same list, with fields named under <paramref name="path"/> (e.g. <c>approaches[2]</c>).</summary>
    public FieldErrors Under(string path) => new(prefix + path + ".", errors);

    public void Add(string field, string message) => errors.Add(new FieldError(prefix + field, message));

    public void Require<T>(string field, T? value) where T : struct
    {
        if (value is null)
            Add(field, "is required");
    }

    public void Require(string field, object? value)
    {
        if (value is null)
            Add(field, "is required");
    }

    /// <summary>A value outside what the physics allows (not what the asset's spec allows: its twin checks that).</summary>
    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (v < min || v > max || double.IsNaN(v)))
            Add(field, string.Create(CultureInfo.InvariantCulture, $"{v} is outside {min}..{max}"));
    }

    public void Enum<TEnum>(string field, TEnum? value) where TEnum : struct, System.Enum
    {
        if (value is { } v && !System.Enum.IsDefined(v))
            Add(field, $"{Convert.ToInt64(v, CultureInfo.InvariantCulture)} is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }
}
