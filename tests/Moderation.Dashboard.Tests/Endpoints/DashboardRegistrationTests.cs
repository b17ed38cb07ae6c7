using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Dashboard.Configuration;
using Moderation.Dashboard.Tests.Support;

namespace Moderation.Dashboard.Tests.Endpoints;

public sealed class DashboardRegistrationTests
{
    // nothing listens on port 1: the disabled dashboard must not need a broker
    private const string NoBroker = "127.0.0.1:1";

    [Fact]
    public async Task Disabled_maps_no_endpoint_and_reads_nothing()
    {
        await using var host = await DashboardHost.StartAsync(NoBroker, new Dictionary<string, string?> { ["Dashboard:Enabled"] = "false" });

        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/dashboard/api/flags")).StatusCode);
    }

    [Theory]
    [InlineData("Dashboard:HistorySize", "0")]
    [InlineData("Dashboard:HeartbeatIntervalMs", "10")]
    [InlineData("Dashboard:MaxVerdictBytes", "100")]
    public async Task Invalid_options_stop_the_host_before_it_serves(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        // MapModerationDashboard reads the options, so validation fails while mapping; ValidateOnStart covers hosts that do not map
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () => await DashboardHost.StartAsync(NoBroker, settings));
        Assert.Contains(key.Split(':')[1], error.Message);
    }

    [Fact]
    public void Defaults_are_the_documented_ones_and_registration_is_idempotent()
    {
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        services.AddModerationDashboard(configuration).AddModerationDashboard(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<DashboardOptions>>().Value;
        Assert.True(options.Enabled);
        Assert.Equal(500, options.HistorySize);
        Assert.Equal(15_000, options.HeartbeatIntervalMs);
        Assert.Equal(3_000, options.ReconnectDelayMs);
        Assert.Equal(65_536, options.MaxVerdictBytes);
    }
}
