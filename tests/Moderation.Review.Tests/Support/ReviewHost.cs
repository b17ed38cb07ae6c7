using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moderation.Review.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 (random port) hosting only the review side with the test
/// <see cref="Credentials"/>, reading the given broker, storing into <c>database</c> (a SQLite file by default).</summary>
internal sealed class ReviewHost : IAsyncDisposable
{
    private ReviewHost(WebApplication app, Uri address, string database)
    {
        App = app;
        Address = address;
        Database = database;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        Api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Credentials.Token);
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    /// <summary>The store's connection string.</summary>
    public string Database { get; }

    /// <summary>No credentials, no redirects followed.</summary>
    public HttpClient Http { get; }

    /// <summary>With the test API token (a reviewer).</summary>
    public HttpClient Api { get; }

    public static string TempSqlite() => $"Data Source={Path.Combine(Path.GetTempPath(), $"moderation-review-test-{Guid.NewGuid():N}.db")}";

    public static WebApplication Build(string bootstrapServers, string database, IReadOnlyDictionary<string, string?>? settings = null, bool withCredentials = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Kafka:ConsumerSettings:session.timeout.ms"] = "6000",
            ["Review:Database"] = database,
            ["Review:HeartbeatIntervalMs"] = "300",
            ["Review:PollIntervalMs"] = "200",
        });
        if (withCredentials)
        {
            builder.Configuration.AddInMemoryCollection(Credentials.Settings);
        }

        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddModerationReview(builder.Configuration);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapModerationReview();
        return app;
    }

    public static async Task<ReviewHost> StartAsync(string bootstrapServers, string? database = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        database ??= TempSqlite();
        var app = Build(bootstrapServers, database, settings);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ReviewHost(app, new Uri(address), database);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Api.Dispose();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(stopping.Token);
        await App.DisposeAsync();
    }
}
