using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Moderation.Streaming.Broker.Native;

/// <summary>Forwards librdkafka's log callback (syslog levels 0–7, called on librdkafka's threads) to an <see cref="ILogger"/>.</summary>
internal static class NativeLogBridge
{
    /// <summary>Installs the callback; <paramref name="loggerHandle"/> is a <see cref="GCHandle"/> to an <see cref="ILogger"/>
    /// that must outlive the client.</summary>
    public static unsafe void Attach(KafkaConfigHandle config, nint loggerHandle) =>
        NativeMethods.SetLogCallback(config, &OnLog, loggerHandle);

    [UnmanagedCallersOnly]
    private static void OnLog(nint client, int level, nint facility, nint text)
    {
        try
        {
            var opaque = NativeMethods.GetOpaque(client);
            if (opaque == nint.Zero || GCHandle.FromIntPtr(opaque).Target is not ILogger logger)
            {
                return;
            }

            var logLevel = ToLogLevel(level);
            if (logger.IsEnabled(logLevel))
            {
                EmbeddedBrokerLog.Native(
                    logger, logLevel, Marshal.PtrToStringUTF8(facility) ?? "", Marshal.PtrToStringUTF8(text) ?? "");
            }
        }
        catch (Exception)
        {
            // An exception must never unwind into librdkafka's thread; a lost log line is the lesser harm.
        }
    }

    /// <summary>Syslog severity (RFC 5424 §6.2.1) to <see cref="LogLevel"/>.</summary>
    private static LogLevel ToLogLevel(int syslogLevel) => syslogLevel switch
    {
        <= 2 => LogLevel.Critical,
        3 => LogLevel.Error,
        4 => LogLevel.Warning,
        5 => LogLevel.Information,
        6 => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}
