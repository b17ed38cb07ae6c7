namespace Moderation.Cli.Offline;

/// <summary>Expands <c>score</c>'s PATH arguments: a file is itself, a folder is every file below it (recursively,
/// sorted by ordinal path so runs are repeatable).</summary>
internal static class InputFiles
{
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else throw new FileNotFoundException($"no such file or folder: {path}", path);
        }

        return files;
    }
}
