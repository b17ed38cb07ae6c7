using System.ComponentModel.DataAnnotations;

namespace Moderation.Scoring.Discriminator;

/// <summary>Which model the service loads and how hard it tries. Section <see cref="SectionName"/>.</summary>
public sealed class ModelOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Model";

    /// <summary>Folder holding <c>model-card.json</c> and the ONNX file it names; relative paths are resolved against
    /// the current directory. Default <c>models/fashion-trouser</c>.</summary>
    [Required] public string Folder { get; set; } = "models/fashion-trouser";

    /// <summary>Model registry folder (<c>Moderation.Core.Models.ModelRegistry</c>: <c>champion.json</c> plus immutable
    /// <c>versions/&lt;version&gt;/</c> folders); default null = serve <see cref="Folder"/> and never swap. When set, the
    /// service loads the champion at start (and fails to start without one), then watches <c>champion.json</c>
    /// (a <see cref="FileSystemWatcher"/> plus a poll every <see cref="RegistryPollMs"/>) and hot-swaps to each newly
    /// promoted version that passes the checks (SHA-256 against its card, input shape against <c>Imaging:Size</c>,
    /// thresholds against its scores, a warm-up batch); <see cref="Folder"/> is then ignored.</summary>
    public string? Registry { get; set; }

    /// <summary>Interval in ms of the registry poll, the fallback for file-system events that do not arrive (network
    /// file systems, some container mounts); default 2000.</summary>
    [Range(100, 3_600_000)] public int RegistryPollMs { get; set; } = 2_000;

    /// <summary>Images in the warm-up batch a new model must score (finite scores, one row per image) before it is
    /// swapped in; default 64 (the default batch size, so the first real batch finds ONNX Runtime's buffers sized).</summary>
    [Range(1, 4096)] public int WarmUpImages { get; set; } = 64;

    /// <summary>Attempts after the first failed load when the files are unreadable (I/O errors) or a load timed out;
    /// default 3. A missing file, a hash mismatch or an invalid model is never retried.</summary>
    [Range(1, 20)] public int LoadRetries { get; set; } = 3;

    /// <summary>Time limit for one load attempt in ms; default 30000.</summary>
    [Range(100, 600_000)] public int LoadTimeoutMs { get; set; } = 30_000;
}
