using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Cli.Hosting;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;

namespace Moderation.Cli.Bench;

/// <summary>A fresh embedded broker plus publisher and reader for one bench scenario.</summary>
internal sealed class BenchEnvironment : IDisposable
{
    public BenchEnvironment(ILoggerFactory logging)
    {
        Broker = new EmbeddedBroker(1, logging.CreateLogger<EmbeddedBroker>());
        // The mock broker keeps at most 5 MiB per partition (older message sets are dropped): 8 partitions hold a
        // backlog of about 20,000 demo posts.
        Broker.CreateTopic(Core.Contracts.Topics.Posts, PostsPartitions);
        Kafka = Options.Create(new KafkaOptions { BootstrapServers = Broker.BootstrapServers });
        Publisher = new PostPublisher(Kafka, TimeProvider.System, logging.CreateLogger<PostPublisher>());
        Reader = new VerdictReader(Kafka, TimeProvider.System, logging.CreateLogger<VerdictReader>());
    }

    /// <summary>Partitions of the posts topic.</summary>
    public const int PostsPartitions = 8;

    public EmbeddedBroker Broker { get; }
    public IOptions<KafkaOptions> Kafka { get; }
    public PostPublisher Publisher { get; }
    public VerdictReader Reader { get; }

    /// <summary>The moderation service in this process against this broker.</summary>
    public WebApplication Service(BenchSettings settings) => ModerationServiceHost.Build(new Dictionary<string, string?>
    {
        ["Kafka:BootstrapServers"] = Broker.BootstrapServers,
        ["Model:Folder"] = settings.Model,
        ["Onnx:ExecutionProvider"] = settings.ExecutionProvider,
        ["Onnx:IntraOpThreads"] = settings.IntraOpThreads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Batching:MaxBatchSize"] = settings.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Batching:MaxBatchDelayMs"] = settings.BatchDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Review:Enabled"] = "false", // the review side is another consumer of moderation.flags, not the hot path
    });

    public void Dispose()
    {
        Publisher.Dispose();
        Broker.Dispose();
    }
}
