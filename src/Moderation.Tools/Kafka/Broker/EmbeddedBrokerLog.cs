using Microsoft.Extensions.Logging;

namespace Moderation.Tools.Kafka.Broker;

/// <summary>Log messages of <see cref="EmbeddedBroker"/>.</summary>
internal static partial class EmbeddedBrokerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Embedded Kafka cluster started: {BrokerCount} broker(s) at {BootstrapServers}")]
    public static partial void Started(ILogger logger, int brokerCount, string bootstrapServers);
}
