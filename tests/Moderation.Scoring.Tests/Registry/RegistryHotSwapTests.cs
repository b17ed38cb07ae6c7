using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moderation.Core.Models;
using Moderation.Core.Scoring;
using Moderation.Imaging;
using Moderation.Scoring.Registry;
using Moderation.Scoring.Tests.Support;

namespace Moderation.Scoring.Tests.Registry;

/// <summary>A real host in registry mode over the shipped model: promotions are picked up and swapped in; a version
/// whose ONNX file no longer matches its card is refused with a log and a metric while the old model keeps serving.</summary>
public sealed class RegistryHotSwapTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("moderation-registry-").FullName;
    private readonly ModelRegistry _registry;

    public RegistryHotSwapTests() => _registry = new ModelRegistry(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_promoted_version_is_swapped_in_and_a_tampered_one_is_refused_while_the_old_keeps_serving()
    {
        var first = _registry.Add(Shipped("trouser-a"), T0, move: true);
        _registry.Promote(first, T0);
        using var host = Build();
        await host.StartAsync();
        using var swaps = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), ModelSwapMetrics.MeterName, ModelSwapMetrics.Swaps);
        var models = host.Services.GetRequiredService<IScoringModelSource>();
        Assert.StartsWith("trouser-a@", models.Current.Version, StringComparison.Ordinal);
        var firstLease = models.Acquire();

        var second = _registry.Add(Shipped("trouser-b"), T0.AddMinutes(1), move: true);
        _registry.Promote(second, T0.AddMinutes(1));
        await Eventually(() => models.Current.Version.StartsWith("trouser-b@", StringComparison.Ordinal), "the promoted version was not swapped in");
        Assert.Equal(3 * 3, firstLease.Model.Scorer.Score(TestModels.Images(3, seed: 1), 3).Length); // the leased old model still scores
        firstLease.Dispose();
        Assert.Throws<ObjectDisposedException>(() => firstLease.Model);

        // A version that passed promotion, then had its ONNX file altered, and a pointer naming it.
        var third = _registry.Add(Shipped("trouser-c"), T0.AddMinutes(2), move: true);
        var onnx = Path.Combine(_registry.VersionFolder(third), "discriminator.onnx");
        var bytes = File.ReadAllBytes(onnx);
        bytes[^1] ^= 1;
        File.WriteAllBytes(onnx, bytes);
        await WritePointer(third);
        await Eventually(() => swaps.GetMeasurementSnapshot().Any(m => Equals(m.Tags["result"], ModelSwapMetrics.Refused)), "no refusal counted");
        var refusal = Assert.Single(swaps.GetMeasurementSnapshot(), m => Equals(m.Tags["result"], ModelSwapMetrics.Refused));
        Assert.Equal(ModelRefusalReasons.HashMismatch, refusal.Tags["reason"]);
        Assert.StartsWith("trouser-b@", models.Current.Version, StringComparison.Ordinal);
        using (var lease = models.Acquire()) Assert.Equal(3, lease.Model.Scorer.Score(TestModels.Images(1, seed: 2), 1).Length);
        var log = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Single(r => r.Id.Id == 4202);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Contains("hash-mismatch", log.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", log.Message, StringComparison.Ordinal);

        // The refusal is not sticky: the next promotion is swapped in.
        var fourth = _registry.Add(Shipped("trouser-d"), T0.AddMinutes(3), move: true);
        _registry.Promote(fourth, T0.AddMinutes(3));
        await Eventually(() => models.Current.Version.StartsWith("trouser-d@", StringComparison.Ordinal), "the next promotion was not swapped in");
        Assert.Equal(2, swaps.GetMeasurementSnapshot().Count(m => Equals(m.Tags["result"], ModelSwapMetrics.Swapped)));
        await host.StopAsync();
    }

    [Fact]
    public void A_registry_without_a_champion_fails_start_up_naming_the_fix()
    {
        using var host = Build();
        var ex = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IScoringModelSource>());
        Assert.Contains("champion.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--initial-champion", ex.Message, StringComparison.Ordinal);
    }

    private IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Model:Registry"] = _root,
            ["Model:RegistryPollMs"] = "60000", // only the file-system watcher can make these swaps within the test's bounds
            ["Model:WarmUpImages"] = "8",
            ["Onnx:IntraOpThreads"] = "1",
        });
        builder.Logging.AddFakeLogging();
        builder.Services.AddModerationImaging(builder.Configuration);
        builder.Services.AddModerationScoring(builder.Configuration);
        return builder.Build();
    }

    /// <summary>A copy of the shipped model whose card carries another name (so another model version).</summary>
    private string Shipped(string name)
    {
        var folder = TestModels.CopyOfShipped();
        var card = ModelCardStore.LoadVerified(folder).Card;
        ModelCardStore.Save(card with { Name = name }, folder);
        return folder;
    }

    /// <summary>champion.json written by hand (temp file + rename), bypassing <see cref="ModelRegistry.Promote"/>'s check.</summary>
    private async Task WritePointer(string version)
    {
        var temp = Path.Combine(_root, "pointer.tmp");
        await File.WriteAllTextAsync(temp, $$"""{ "version": "{{version}}", "promotedAt": "2026-12-06T04:02:00Z" }""");
        File.Move(temp, _registry.PointerPath, overwrite: true);
    }

    private static async Task Eventually(Func<bool> condition, string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, message);
            await Task.Delay(50);
        }
    }
}
