using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Moderation.Streaming.Diagnostics;

/// <summary>Routes librdkafka's own log lines (otherwise written to stderr) to <see cref="ILogger"/> (event id 100–199).</summary>
public static partial class KafkaClientLog
{
    /// <summary>A log handler for Confluent.Kafka builders (<c>SetLogHandler</c>).</summary>
    public static Action<TClient, LogMessage> Handler<TClient>(ILogger logger) =>
        (_, message) => Write(logger, (int)message.Level, message.Facility, $"{message.Name}: {message.Message}");

    /// <summary>Logs one librdkafka line given its syslog severity.</summary>
    public static void Write(ILogger logger, int syslogLevel, string facility, string text)
    {
        var level = ToLogLevel(syslogLevel);
        if (logger.IsEnabled(level))
        {
            Native(logger, level, facility, text);
        }
    }

    /// <summary>Syslog severity (RFC 5424 §6.2.1: 0 emergency … 7 debug) to <see cref="LogLevel"/>.</summary>
    public static LogLevel ToLogLevel(int syslogLevel) => syslogLevel switch
    {
        <= 2 => LogLevel.Critical,
        3 => LogLevel.Error,
        4 => LogLevel.Warning,
        5 => LogLevel.Information,
        6 => LogLevel.Debug,
        _ => LogLevel.Trace,
    };

    [LoggerMessage(EventId = 101, Message = "librdkafka [{Facility}] {Text}")]
    private static partial void Native(ILogger logger, LogLevel level, string facility, string text);
}
