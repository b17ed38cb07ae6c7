using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Imaging;
using Moderation.Observability;
using Moderation.Review;
using Moderation.Scoring;
using Moderation.Streaming;
using Moderation.Streaming.Health;

namespace Moderation.Cli.Hosting;

/// <summary>
/// Builds the streaming moderation service: configuration from <c>appsettings.json</c>, environment variables
/// (<c>MODERATION_</c> prefix, <c>__</c> as section separator) and the given overrides; one <c>AddXxx</c> per library;
/// <c>/metrics</c>, <c>/healthz/live</c>, <c>/healthz/ready</c> (operator endpoints, no authentication) and the review
/// side at <c>/review</c> (login cookie or API token; the host refuses to start without a configured user or token
/// unless <c>Review:Enabled</c> is false).
/// </summary>
internal static class ModerationServiceHost
{
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddModerationSources(overrides);
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:0");

        // Metrics first: OpenTelemetry's MeterProvider then starts before the worker records anything.
        builder.Services.AddModerationObservability(builder.Configuration);
        builder.Services.AddModerationImaging(builder.Configuration);
        builder.Services.AddModerationScoring(builder.Configuration);
        builder.Services.AddModerationStreaming(builder.Configuration);
        builder.Services.AddModerationReview(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPrometheusMetrics();
        app.MapModerationReview();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StreamingHealth.LiveTag) });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StreamingHealth.ReadyTag) });
        return app;
    }
}
