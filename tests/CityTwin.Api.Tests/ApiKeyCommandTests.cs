using CityTwin.Api.Security;
using CityTwin.Host.Cli;
using CityTwin.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CityTwin.Api.Tests;

/// <summary><c>CityTwin.Host api-key create</c>: the first admin key, made offline.</summary>
public sealed class ApiKeyCommandTests
{
    [Fact]
    public async Task Create_prints_a_key_once_and_configuration_lines_that_accept_it()
    {
        var output = new StringWriter();

        var exit = await ApiKeyCommand.RunAsync(["create", "--role", "admin", "--name", "first-admin"], output);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[0][(lines[0].LastIndexOf(' ') + 1)..];
        var settings = lines.Where(l => l.StartsWith("Api:", StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)p[1]);
        Assert.Equal(3, settings.Count);
        var read = ApiSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var configured = Assert.Single(read.Keys);
        Assert.Equal(("first-admin", ApiRoles.Admin), (configured.Name, configured.Role));
        Assert.Equal(configured.Hash, read.Hasher!.Hash(key));
        Assert.DoesNotContain(key, string.Join('\n', settings.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_refuses_an_unknown_role_naming_the_option()
    {
        var e = await Assert.ThrowsAsync<ConfigurationException>(() => ApiKeyCommand.RunAsync(["create", "--role", "root"], new StringWriter()));
        Assert.Equal("--role", e.Setting);
    }

    [Fact]
    public async Task Create_with_a_short_secret_names_the_setting()
    {
        var e = await Assert.ThrowsAsync<ConfigurationException>(() => ApiKeyCommand.RunAsync(
            ["create", "--role", "admin", $"--{ApiSettings.SecretSetting}={Convert.ToBase64String(new byte[16])}"], new StringWriter()));
        Assert.Equal(ApiSettings.SecretSetting, e.Setting);
    }
}
