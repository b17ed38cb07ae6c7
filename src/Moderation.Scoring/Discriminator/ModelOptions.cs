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

    /// <summary>Attempts after the first failed load when the files are unreadable (I/O errors) or a load timed out;
    /// default 3. A missing file, a hash mismatch or an invalid model is never retried.</summary>
    [Range(1, 20)] public int LoadRetries { get; set; } = 3;

    /// <summary>Time limit for one load attempt in ms; default 30000.</summary>
    [Range(100, 600_000)] public int LoadTimeoutMs { get; set; } = 30_000;
}
