using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Moderation.Streaming.Interop;

/// <summary>
/// The one place that decides which librdkafka this process loads: the copy shipped by the <c>librdkafka.redist</c>
/// package (2.16.0), never one installed system-wide. <see cref="Pin"/> loads it by absolute path and registers a
/// <see cref="NativeLibrary.SetDllImportResolver"/> on the Confluent.Kafka assembly for the name
/// <see cref="LibraryName"/>; <see cref="ResolveFor"/> does the same for another assembly's own P/Invoke (the embedded
/// broker's mock-cluster binding), so that every caller uses one library instance.
/// </summary>
/// <remarks>
/// Why: on Linux x64 the redist's default <c>librdkafka.so</c> needs <c>libsasl2.so.3</c> (RHEL naming; Debian 12 has
/// <c>libsasl2.so.2</c>), so without a resolver .NET silently falls back to a system <c>librdkafka.so</c> (Debian's
/// 2.0.2 when <c>librdkafka-dev</c> is installed). The redist also ships <c>centos8-librdkafka.so</c> (no SASL/GSSAPI
/// dependency, glibc ≥ 2.28), which loads on Debian 12. On Linux x64 the files are tried in that order (GSSAPI first,
/// as Confluent.Kafka does), from the directories of the host's <c>NATIVE_DLL_SEARCH_DIRECTORIES</c> (the build's
/// <c>runtimes/linux-x64/native/</c>, or the application directory of a RID-specific publish). On other platforms the
/// runtime's default resolution is kept.
/// </remarks>
public static class Librdkafka
{
    /// <summary>The library name Confluent.Kafka imports (<c>NativeMethods.DllName</c>) and the one to give
    /// <c>[LibraryImport]</c> in an assembly passed to <see cref="ResolveFor"/>.</summary>
    public const string LibraryName = "librdkafka";

    /// <summary>Files of <c>librdkafka.redist</c>'s <c>runtimes/linux-x64/native/</c>, in the order tried.</summary>
    private static readonly string[] LinuxX64Files = ["librdkafka.so", "centos8-librdkafka.so"];

    private static readonly Lazy<(nint Handle, string? Path)> Loaded = new(Load);
    private static readonly HashSet<Assembly> Resolved = [];

    /// <summary>Absolute path of the loaded file; null before <see cref="Pin"/> or where the default resolution is kept.</summary>
    public static string? LoadedPath => Loaded.IsValueCreated ? Loaded.Value.Path : null;

    /// <summary>
    /// Loads the redist's librdkafka and makes Confluent.Kafka use it. Idempotent and thread-safe; call it before the
    /// first Confluent.Kafka client is built (every builder of <see cref="Clients.KafkaClients"/> does).
    /// </summary>
    /// <exception cref="DllNotFoundException">No redist file loads (each path tried and the loader's error are in the
    /// message): the build output lacks <c>runtimes/linux-x64/native/</c>, or the C library is too old.</exception>
    /// <exception cref="InvalidOperationException">Confluent.Kafka had already loaded another librdkafka (a client was
    /// built before this call).</exception>
    public static void Pin()
    {
        ResolveFor(typeof(Library).Assembly);
        var loaded = Loaded.Value;
        if (loaded.Handle != nint.Zero && Library.Version != Version(loaded.Handle))
        {
            throw new InvalidOperationException(
                $"Confluent.Kafka already uses librdkafka {Library.VersionString}, not {loaded.Path}: pin before building the first client.");
        }
    }

    /// <summary>Resolves <see cref="LibraryName"/> in <paramref name="assembly"/>'s P/Invoke to the library
    /// <see cref="Pin"/> loads (registered once per assembly; later calls do nothing).</summary>
    /// <exception cref="DllNotFoundException">As for <see cref="Pin"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="assembly"/> has a resolver registered elsewhere.</exception>
    public static void ResolveFor(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var handle = Loaded.Value.Handle;
        lock (Resolved)
        {
            if (handle == nint.Zero || !Resolved.Add(assembly))
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(assembly,
                static (name, _, _) => name == LibraryName ? Loaded.Value.Handle : nint.Zero);
        }
    }

    private static (nint, string?) Load()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return (nint.Zero, null);
        }

        var directories = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(AppContext.BaseDirectory);
        var failures = new List<string>();
        foreach (var file in LinuxX64Files)
        {
            foreach (var path in directories.Select(d => Path.Combine(d, file)).Where(File.Exists).Distinct())
            {
                try
                {
                    return (NativeLibrary.Load(path), path);
                }
                catch (DllNotFoundException e)
                {
                    failures.Add(e.Message);
                }
            }
        }

        throw new DllNotFoundException(
            $"No librdkafka of the librdkafka.redist package loads ({string.Join(", ", LinuxX64Files)} searched in " +
            $"{string.Join(", ", directories)}): {string.Join(" | ", failures)}");
    }

    private static unsafe int Version(nint library) =>
        ((delegate* unmanaged<int>)NativeLibrary.GetExport(library, "rd_kafka_version"))();
}
