using Microsoft.Extensions.Logging;

namespace Moderation.Scoring.Registry;

/// <summary>Structured log messages of the model registry watcher (event ids 4200–4299).</summary>
internal static partial class ModelSwapLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Watching model registry {Registry} (poll every {PollMs} ms); serving {Version}")]
    public static partial void Watching(ILogger logger, string registry, int pollMs, string version);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Model swapped: {OldVersion} -> {NewVersion} (registry version {RegistryVersion}, warm-up {WarmUpMs:F0} ms); batches from now on score with it")]
    public static partial void Swapped(ILogger logger, string oldVersion, string newVersion, string registryVersion, double warmUpMs);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Model registry version {RegistryVersion} refused ({Reason}): {Error}; {Version} keeps serving")]
    public static partial void Refused(ILogger logger, Exception? exception, string registryVersion, string reason, string error, string version);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Model registry pointer {Pointer} unreadable: {Error}; {Version} keeps serving")]
    public static partial void PointerUnreadable(ILogger logger, string pointer, string error, string version);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Error, Message = "Model registry check failed unexpectedly; {Version} keeps serving, the watcher goes on")]
    public static partial void CheckFailed(ILogger logger, Exception exception, string version);
}
