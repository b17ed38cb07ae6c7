using System.Reflection;
using System.Runtime.InteropServices;

namespace Moderation.Onnx.Runtime.Interop;

/// <summary>
/// Finds <c>libonnxruntime.so.1</c> for <see cref="NativeMethods"/>: the app's base directory first (the build copies
/// the library there), then the file or folder named by <see cref="EnvironmentVariable"/>, then
/// <c>.native/onnxruntime/</c> in the nearest ancestor folder of the base directory (the repository checkout).
/// </summary>
internal static class OrtLibraryResolver
{
    /// <summary>Environment variable naming the library file, or a folder holding it.</summary>
    internal const string EnvironmentVariable = "MODERATION_ORT_LIBRARY";

    private const string RepoRelativeFolder = ".native/onnxruntime";

    /// <summary>The file the library was loaded from, or null before loading or when default probing found it.</summary>
    internal static string? LoadedPath { get; private set; }

    /// <summary>A <see cref="DllImportResolver"/>; returns 0 (default probing) when nothing is found.</summary>
    internal static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.LibraryName) return 0;
        foreach (var candidate in Candidates())
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var library))
            {
                LoadedPath = Path.GetFullPath(candidate);
                return library;
            }
        }
        return 0;
    }

    /// <summary>Paths tried, in order.</summary>
    internal static IEnumerable<string> Candidates()
    {
        var baseDirectory = AppContext.BaseDirectory;
        yield return Path.Combine(baseDirectory, NativeMethods.LibraryName);

        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            yield return Directory.Exists(configured) ? Path.Combine(configured, NativeMethods.LibraryName) : configured;

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, RepoRelativeFolder, NativeMethods.LibraryName);
    }
}
