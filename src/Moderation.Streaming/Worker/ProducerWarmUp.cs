using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Moderation.Streaming.Worker;

/// <summary>
/// Fetches the metadata of output topics into a producer's cache before the first produce, which otherwise waits for
/// librdkafka's periodic refresh of unknown topics (up to 1 s per topic on the first record).
/// </summary>
public static class ProducerWarmUp
{
    /// <summary>One metadata request per topic through <paramref name="producer"/>'s connections, each waiting at most
    /// <paramref name="timeout"/>; a failure (topic missing on a cluster without auto-creation, broker down) is only logged.</summary>
    public static void FetchMetadata(Handle producer, IEnumerable<string> topics, TimeSpan timeout, ILogger logger)
    {
        using var admin = new DependentAdminClientBuilder(producer).Build();
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            try
            {
                var metadata = admin.GetMetadata(topic, timeout).Topics.SingleOrDefault();
                if (metadata is { Error.IsError: true })
                {
                    WorkerLog.WarmUpFailed(logger, topic, metadata.Error.Reason);
                }
            }
            catch (KafkaException e)
            {
                WorkerLog.WarmUpFailed(logger, topic, e.Error.Reason);
            }
        }
    }
}
