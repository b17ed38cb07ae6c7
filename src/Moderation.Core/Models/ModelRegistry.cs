using System.Globalization;
using System.Text.Json;

namespace Moderation.Core.Models;

/// <summary>
/// A versioned model registry for one model line: immutable model folders plus an atomically replaced pointer.
/// <code>
/// &lt;root&gt;/champion.json                      the promoted version (<see cref="ChampionPointer"/>)
/// &lt;root&gt;/versions/&lt;version&gt;/              discriminator.onnx, generator.onnx, model-card.json (+ the retrain report)
/// </code>
/// A version is <c>yyyyMMddTHHmmssZ-&lt;first 12 hex digits of the ONNX SHA-256&gt;</c>: sortable by time and naming the
/// file it holds. A version folder is never rewritten once added; promotion only replaces <c>champion.json</c>
/// (write to a temporary file, flush, rename: POSIX <c>rename(2)</c> replaces the target atomically, so a reader sees
/// the old pointer or the new one, never a torn file). Readers (the service) poll or watch <c>champion.json</c>.
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>File name of the pointer.</summary>
    public const string PointerFile = "champion.json";

    /// <summary>Folder of the version folders.</summary>
    public const string VersionsFolder = "versions";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>A registry rooted at <paramref name="root"/> (created on the first write).</summary>
    /// <param name="root">The registry folder; relative paths resolve against the current directory.</param>
    public ModelRegistry(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The registry folder (absolute).</summary>
    public string Root { get; }

    /// <summary>Full path of <c>champion.json</c>.</summary>
    public string PointerPath => Path.Combine(Root, PointerFile);

    /// <summary>The folder of <paramref name="version"/> (whether or not it exists).</summary>
    /// <exception cref="ArgumentException">The version is not a plain folder name.</exception>
    public string VersionFolder(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (version.Contains('/') || version.Contains('\\') || version is "." or "..")
            throw new ArgumentException($"'{version}' is not a version folder name", nameof(version));
        return Path.Combine(Root, VersionsFolder, version);
    }

    /// <summary>The version folders present, oldest first.</summary>
    public IReadOnlyList<string> Versions()
    {
        var folder = Path.Combine(Root, VersionsFolder);
        return Directory.Exists(folder)
            ? [.. Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The current pointer, or null when nothing was promoted yet.</summary>
    /// <exception cref="InvalidDataException"><c>champion.json</c> exists but is not a pointer.</exception>
    public ChampionPointer? ReadChampion()
    {
        string text;
        try
        {
            text = File.ReadAllText(PointerPath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ChampionPointer>(text, Json) ?? throw new InvalidDataException($"{PointerPath} holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{PointerPath} is not a champion pointer: {e.Message}", e);
        }
    }

    /// <summary>
    /// Moves (or copies, subfolders included) a finished model folder into the registry as a new, immutable version, after checking its
    /// ONNX file against the card's SHA-256.
    /// </summary>
    /// <param name="modelFolder">A model folder (<c>model-card.json</c> and the files it names).</param>
    /// <param name="now">The version's time stamp.</param>
    /// <param name="move">Move the folder (same file system: one rename) instead of copying it.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="FileNotFoundException">The card or the ONNX file is missing.</exception>
    /// <exception cref="InvalidDataException">The ONNX file's hash differs from the card's.</exception>
    /// <exception cref="IOException">A version of that name exists already.</exception>
    public string Add(string modelFolder, DateTimeOffset now, bool move = false)
    {
        var (card, _) = ModelCardStore.LoadVerified(modelFolder);
        var version = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{card.Onnx.Sha256[..12].ToLowerInvariant()}");
        var target = VersionFolder(version);
        if (Directory.Exists(target)) throw new IOException($"registry version {target} exists already");
        Directory.CreateDirectory(Path.Combine(Root, VersionsFolder));
        if (move)
        {
            Directory.Move(modelFolder, target);
            return version;
        }

        var staging = target + ".partial";
        Directory.CreateDirectory(staging);
        foreach (var file in Directory.GetFiles(modelFolder, "*", SearchOption.AllDirectories)) // subfolders too (the zoo's samples)
        {
            var copy = Path.Combine(staging, Path.GetRelativePath(modelFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        Directory.Move(staging, target); // the version appears complete or not at all
        return version;
    }

    /// <summary>Points <c>champion.json</c> at <paramref name="version"/> (atomic replace; see the class remarks).</summary>
    /// <param name="version">An existing version whose ONNX file matches its card.</param>
    /// <param name="now">Promotion time.</param>
    /// <returns>The pointer written.</returns>
    /// <exception cref="DirectoryNotFoundException">No such version.</exception>
    /// <exception cref="InvalidDataException">The version's ONNX file does not match its card.</exception>
    public ChampionPointer Promote(string version, DateTimeOffset now)
    {
        var folder = VersionFolder(version);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"no registry version {folder}");
        ModelCardStore.LoadVerified(folder);
        var pointer = new ChampionPointer { Version = version, PromotedAt = now, Previous = ReadChampion()?.Version };
        var temporary = Path.Combine(Root, $".{PointerFile}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, pointer, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, PointerPath, overwrite: true);
        return pointer;
    }
}
