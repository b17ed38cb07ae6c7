using System.Text.Json.Serialization;

namespace Moderation.Training.Pipelines;

/// <summary>The <c>dataset</c> section of a pipeline file: which images are normal.</summary>
public sealed record PipelineDataset
{
    /// <summary><see cref="Kind"/> for Fashion-MNIST IDX files.</summary>
    public const string FashionMnistKind = "fashion-mnist";

    /// <summary><see cref="Kind"/> for a folder of PNG/JPEG/WebP images, all normal.</summary>
    public const string FolderKind = "folder";

    /// <summary><c>fashion-mnist</c> or <c>folder</c>; required.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    /// <summary>Folder of the data; defaults to <see cref="Data.FashionMnist.DefaultFolder"/> for
    /// <c>fashion-mnist</c>, required for <c>folder</c>. Relative paths resolve against the current directory.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>Class indices (0–9) treated as normal for <c>fashion-mnist</c>, e.g. <c>[1]</c> = Trouser; ignored for
    /// <c>folder</c>.</summary>
    [JsonPropertyName("normalClasses")]
    public IReadOnlyList<int> NormalClasses { get; init; } = [];

    /// <summary><see cref="Path"/> or, for <c>fashion-mnist</c>, the default folder.</summary>
    [JsonIgnore]
    public string ResolvedPath => Path ?? (Kind == FashionMnistKind ? Data.FashionMnist.DefaultFolder : "");
}
