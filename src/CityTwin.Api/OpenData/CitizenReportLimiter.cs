using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Api.OpenData;

/// <summary>
/// Citizen reports are anonymous, so each client (remote IP address; behind a reverse proxy configure forwarded
/// headers so this is the citizen's) gets a fixed window of reports; past it, 429 ProblemDetails with Retry-After.
/// </summary>
internal static class CitizenReportLimiter
{
    public const string Policy = "citizen-reports";

    public static IServiceCollection AddCitizenReportLimiter(this IServiceCollection services, OpenDataSettings settings) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.ReportsPerWindow, Window = settings.ReportWindow, QueueLimit = 0 }));
            o.OnRejected = async (context, cancellation) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.ReportWindow;
                var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many reports",
                        Detail = $"at most {settings.ReportsPerWindow} citizen reports per {settings.ReportWindow.TotalSeconds:0} s from one client; try again in {seconds} s",
                    },
                });
            };
        });
}
