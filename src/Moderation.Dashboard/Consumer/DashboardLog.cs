using Microsoft.Extensions.Logging;

namespace Moderation.Dashboard.Consumer;

/// <summary>Log messages of the dashboard (event ids 700–799).</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(700, LogLevel.Information, "Dashboard disabled (Dashboard:Enabled = false): not reading {Topic}")]
    public static partial void Disabled(ILogger logger, string topic);

    [LoggerMessage(701, LogLevel.Information, "Dashboard reading {Topic}: assigned partition(s) {Partitions} from offsets {Offsets}")]
    public static partial void Assigned(ILogger logger, string topic, string partitions, string offsets);

    [LoggerMessage(702, LogLevel.Information, "Dashboard history loaded: {Loaded} flag(s) from {Read} record(s) of {Topic}")]
    public static partial void HistoryLoaded(ILogger logger, int loaded, int read, string topic);

    [LoggerMessage(703, LogLevel.Warning, "Dashboard dropped a malformed record of {Topic} [{Partition}] @{Offset}: {Error}")]
    public static partial void Malformed(ILogger logger, string topic, int partition, long offset, string error);

    [LoggerMessage(704, LogLevel.Warning, "Dashboard could not read {Topic}: {Error}")]
    public static partial void ReadFailed(ILogger logger, string topic, string error);

    [LoggerMessage(705, LogLevel.Error, "Dashboard flags reader failed; restarting in {DelayMs} ms")]
    public static partial void ReaderFailed(ILogger logger, Exception exception, int delayMs);
}
