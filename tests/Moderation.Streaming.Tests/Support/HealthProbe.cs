using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Moderation.Streaming.Tests.Support;

/// <summary>Runs a host's registered health checks the way a tag-filtered endpoint does.</summary>
internal sealed class HealthProbe(IHost host)
{
    private readonly HealthCheckService _checks = host.Services.GetRequiredService<HealthCheckService>();

    /// <summary>The single entry of the checks tagged <paramref name="tag"/>.</summary>
    public async Task<HealthReportEntry> CheckAsync(string tag)
    {
        var report = await _checks.CheckHealthAsync(r => r.Tags.Contains(tag));
        return Assert.Single(report.Entries).Value;
    }
}
