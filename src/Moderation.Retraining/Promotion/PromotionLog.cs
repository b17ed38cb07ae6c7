using Microsoft.Extensions.Logging;

namespace Moderation.Retraining.Promotion;

/// <summary>Structured log messages of the promotion job (event ids 4300–4399).</summary>
internal static partial class PromotionLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Registry {Registry} had no champion: imported {Folder} as {Version} and promoted it")]
    public static partial void Seeded(ILogger logger, string registry, string folder, string version);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Reviewed posts: {Dismissed} dismissed (added as normal images), {Confirmed} confirmed (held-out positives), {Rejected} rejected by the pre-processor")]
    public static partial void Reviews(ILogger logger, int dismissed, int confirmed, int rejected);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Challenger trained in {Seconds:F0} s and added as {Version}")]
    public static partial void Trained(ILogger logger, double seconds, string version);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Challenger {Version} promoted over {Champion}; report {Report}")]
    public static partial void Promoted(ILogger logger, string version, string champion, string report);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Challenger {Version} refused ({Failed}); {Champion} stays champion; report {Report}")]
    public static partial void Refused(ILogger logger, string version, string failed, string champion, string report);
}
