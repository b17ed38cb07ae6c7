using System.Diagnostics;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests;

/// <summary>A child <c>moderation serve</c> process (the built CLI next to the test assembly).</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process) => _process = process;

    /// <param name="environment">Extra environment variables (e.g. <c>MODERATION_Kafka__ConsumerSettings__…</c>),
    /// applied after the defaults below so they can override them.</param>
    /// <param name="urls">The HTTP address (<c>--urls</c>); port 0 = any free port.</param>
    public static ServeProcess Start(string bootstrap, string modelFolder, ITestOutputHelper output,
        IReadOnlyDictionary<string, string>? environment = null, string urls = "http://127.0.0.1:0")
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "moderation.dll"), "serve", "--bootstrap-servers", bootstrap, "--model", modelFolder, "--urls", urls },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The killed member must leave the consumer group quickly for the test to be short (librdkafka default 45 s).
        info.Environment["MODERATION_Kafka__ConsumerSettings__session.timeout.ms"] = "6000";
        info.Environment["MODERATION_Kafka__ConsumerSettings__heartbeat.interval.ms"] = "1000";
        info.Environment["MODERATION_Logging__LogLevel__Default"] = "Warning";
        info.Environment["MODERATION_Review__Enabled"] = "false"; // the streaming path alone (the review side has its own tests)
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start moderation serve");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log(output, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log(output, e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServeProcess(process);
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no graceful shutdown, no final commit.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static void Log(ITestOutputHelper output, string line)
    {
        try { output.WriteLine(line); }
        catch (InvalidOperationException) { } // the test has finished
    }
}
