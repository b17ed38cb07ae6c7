using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Diagnostics;

namespace Moderation.Tools.Kafka.Broker.Native;

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

            KafkaClientLog.Write(logger, level, Marshal.PtrToStringUTF8(facility) ?? "", Marshal.PtrToStringUTF8(text) ?? "");
        }
        catch (Exception)
        {
            // An exception must never unwind into librdkafka's thread; a lost log line is the lesser harm.
        }
    }
}
