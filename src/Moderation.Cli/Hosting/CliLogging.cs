using Microsoft.Extensions.Logging;

namespace Moderation.Cli.Hosting;

/// <summary>Logger factory for the CLI's own work (service hosts configure their own logging).</summary>
internal static class CliLogging
{
    /// <param name="minimum">Lowest level written.</param>
    /// <param name="toStandardError">Write every entry to stderr (for commands whose stdout is data, e.g. <c>score</c>).</param>
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Warning, bool toStandardError = false) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(minimum)
            .AddConsole(o => o.LogToStandardErrorThreshold = toStandardError ? LogLevel.Trace : LogLevel.None)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            }).AddFilter("Microsoft", LogLevel.Warning));
}
