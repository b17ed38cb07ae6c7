using Microsoft.Extensions.Logging;

namespace Moderation.Cli.Hosting;

/// <summary>Logger factory for the CLI's own work (service hosts configure their own logging).</summary>
internal static class CliLogging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Warning) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(minimum).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        }).AddFilter("Microsoft", LogLevel.Warning));
}
