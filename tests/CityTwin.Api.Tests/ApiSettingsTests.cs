using CityTwin.Api.Security;
using Microsoft.Extensions.Configuration;

namespace CityTwin.Api.Tests;

/// <summary>The host refuses to start on a key setting it cannot use, naming the setting.</summary>
public sealed class ApiSettingsTests
{
    private static readonly string Hash = new ApiKeyHasher(ApiKeyHasher.NewSecret()).Hash("k");

    private static ApiSettingsException Refused(params (string Key, string Value)[] values) =>
        Assert.Throws<ApiSettingsException>(() => ApiSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build()));

    [Fact]
    public void Configured_keys_without_a_secret_are_refused() =>
        Assert.Equal(ApiSettings.SecretSetting, Refused(("Api:Keys:a:Role", "admin"), ("Api:Keys:a:Hash", Hash)).Setting);

    [Fact]
    public void A_short_secret_is_refused() =>
        Assert.Equal(ApiSettings.SecretSetting, Refused(("Api:KeyHashSecret", Convert.ToBase64String(new byte[31]))).Setting);

    [Fact]
    public void An_unknown_role_is_refused() =>
        Assert.Equal("Api:Keys:a:Role", Refused(
            ("Api:KeyHashSecret", Convert.ToBase64String(ApiKeyHasher.NewSecret())), ("Api:Keys:a:Role", "root"), ("Api:Keys:a:Hash", Hash)).Setting);

    [Fact]
    public void A_hash_that_is_not_an_hmac_is_refused() =>
        Assert.Equal("Api:Keys:a:Hash", Refused(
            ("Api:KeyHashSecret", Convert.ToBase64String(ApiKeyHasher.NewSecret())), ("Api:Keys:a:Role", "admin"), ("Api:Keys:a:Hash", "the-key-itself")).Setting);

    [Fact]
    public void No_keys_and_no_secret_starts_with_keys_disabled() =>
        Assert.Null(ApiSettings.Read(new ConfigurationBuilder().Build()).Hasher);

    [Fact]
    public void The_stored_hash_depends_on_the_secret_and_is_not_the_key()
    {
        var key = ApiKeyHasher.NewKey();
        var one = new ApiKeyHasher(ApiKeyHasher.NewSecret()).Hash(key);
        var other = new ApiKeyHasher(ApiKeyHasher.NewSecret()).Hash(key);
        Assert.NotEqual(one, other);
        Assert.DoesNotContain(key, one, StringComparison.Ordinal);
        Assert.True(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(key).Length >= 32);
    }
}
