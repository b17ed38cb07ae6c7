using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moderation.Core.Imaging;
using Moderation.Core.Models;
using Moderation.Core.Scoring;
using Moderation.Tools.Kafka.Broker;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;
using Moderation.Streaming.Worker;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Support;

/// <summary>A real generic host running <see cref="ModerationWorker"/> against an embedded broker.</summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    public const double Threshold = 0.5;
    public const string ModelVersion = "mean-test-model@0123abcd";

    private WorkerHost(IHost host) => Host = host;

    public IHost Host { get; }

    public PostPublisher Publisher => Host.Services.GetRequiredService<PostPublisher>();

    public VerdictReader Reader => Host.Services.GetRequiredService<VerdictReader>();

    /// <summary>Settings every test host gets; <paramref name="overrides"/> replace or add keys.</summary>
    public static Dictionary<string, string?> Settings(EmbeddedBroker broker, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Kafka:GroupId"] = "moderation-tests",
            ["Kafka:ConsumerSettings:fetch.wait.max.ms"] = "50",
            ["Kafka:ConsumerSettings:session.timeout.ms"] = "6000",
            ["Kafka:ConsumerSettings:heartbeat.interval.ms"] = "500",
            ["Kafka:ProducerSettings:linger.ms"] = "2",
            ["Batching:MaxBatchSize"] = "16",
            ["Batching:MaxBatchDelayMs"] = "20",
            ["Batching:DecodeParallelism"] = "2",
            ["Resilience:ScoringRetryDelayMs"] = "10",
            ["Resilience:ProduceRetryDelayMs"] = "10",
            ["Resilience:ProduceTimeoutMs"] = "10000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Builds and starts the host (the worker joins its group in the background).</summary>
    public static async Task<WorkerHost> StartAsync(EmbeddedBroker broker, IBatchScorer scorer, ITestOutputHelper output,
        IDictionary<string, string?>? overrides = null, IScoringModelSource? models = null)
    {
        var host = Build(Settings(broker, overrides), scorer, output, models);
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return new WorkerHost(host);
    }

    /// <summary>Builds a host without starting it.</summary>
    /// <param name="models">A swappable model source; null = a fixed one over <paramref name="scorer"/> with
    /// <see cref="ModelVersion"/> and <see cref="Threshold"/>.</param>
    public static IHost Build(Dictionary<string, string?> settings, IBatchScorer scorer, ITestOutputHelper output, IScoringModelSource? models = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(new XunitLoggerProvider(output));
        builder.Services.AddSingleton<IImagePreprocessor, RawPixelPreprocessor>();
        builder.Services.AddSingleton(scorer);
        builder.Services.AddSingleton(new ModelDescriptor(ModelVersion,
        [
            new ScoreThreshold { Reason = MeanScorer.ScoreName, Output = "logit", Value = Threshold, TargetFpr = 0.01 },
        ]));
        if (models is not null) builder.Services.AddSingleton(models);
        builder.Services.AddModerationStreaming(builder.Configuration);
        builder.Services.AddSingleton<PostPublisher>(); // tools: the tests publish posts and read the outputs back
        builder.Services.AddSingleton<VerdictReader>();
        return builder.Build();
    }

    public async Task StopAsync() => await Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
    }
}
