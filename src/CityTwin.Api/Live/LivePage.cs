using CityTwin.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CityTwin.Api.Live;

/// <summary>
/// The live operations page at <c>/</c> and its files at <c>/live/{file}</c>, anonymous (the page signs in
/// itself). The files travel beside the executable (<c>livepage/</c> under <see cref="AppContext.BaseDirectory"/>),
/// so a published host finds them whatever its working directory.
/// </summary>
internal static class LivePage
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "livepage");

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    public static IEndpointRouteBuilder MapLivePage(this IEndpointRouteBuilder app)
    {
        // Only the files shipped are served: a name is looked up, never joined to a path.
        var files = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory)
                .Where(f => ContentTypes.ContainsKey(Path.GetExtension(f)))
                .ToDictionary(f => Path.GetFileName(f), StringComparer.Ordinal)
            : [];
        app.MapGet("/", () => Serve(files, "index.html")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/live/{file}", (string file) => Serve(files, file)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(Dictionary<string, string> files, string name) =>
        files.TryGetValue(name, out var path)
            ? Results.File(path, ContentTypes[Path.GetExtension(path)])
            : ApiProblems.NotFound("file", name, "file of the live page");
}
