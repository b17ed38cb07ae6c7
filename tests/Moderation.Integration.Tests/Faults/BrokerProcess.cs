using System.Diagnostics;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests.Faults;

/// <summary>
/// A child <c>moderation broker --address-file F</c> process (librdkafka's mock cluster on loopback) that a test can
/// freeze with SIGSTOP and thaw with SIGCONT: connections stay open but nothing is answered, as with a broker stalled by
/// a long GC pause or a frozen VM. (A TCP proxy in front would not do: brokers advertise their own address.)
/// </summary>
internal sealed class BrokerProcess : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _addressFile;

    private BrokerProcess(Process process, string addressFile, string bootstrapServers) =>
        (_process, _addressFile, BootstrapServers) = (process, addressFile, bootstrapServers);

    /// <summary>The brokers' <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts the broker with <paramref name="partitions"/> partitions of the posts topic and waits for its address.</summary>
    /// <exception cref="TimeoutException">No address within 30 s.</exception>
    public static async Task<BrokerProcess> StartAsync(int partitions, ITestOutputHelper output)
    {
        var addressFile = Path.Combine(Path.GetTempPath(), $"moderation-broker-{Guid.NewGuid():N}.txt");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "moderation.dll"), "broker", "--partitions", partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--address-file", addressFile,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["MODERATION_Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start moderation broker");
        process.OutputDataReceived += (_, e) => Log(output, e.Data);
        process.ErrorDataReceived += (_, e) => Log(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartBound)
        {
            if (File.Exists(addressFile) && (await File.ReadAllTextAsync(addressFile)).Trim() is { Length: > 0 } address)
                return new BrokerProcess(process, addressFile, address);
            if (process.HasExited) break;
            await Task.Delay(50);
        }

        process.Kill();
        throw new TimeoutException($"moderation broker published no address within {StartBound.TotalSeconds} s");
    }

    /// <summary>SIGSTOP: every thread of the broker stops; its sockets stay open.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>SIGCONT: the broker runs again and answers what queued up.</summary>
    public void Thaw() => Signal("CONT");

    /// <summary>The process state letter of <c>/proc/PID/stat</c> (proc(5)): <c>T</c> while stopped, <c>S</c>/<c>R</c> while running.</summary>
    public char State
    {
        get
        {
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            return stat[stat.LastIndexOf(')') + 2]; // "pid (comm) S ..."; comm may itself contain ')'
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Signal("CONT");
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        File.Delete(_addressFile);
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {_process.Id} exited with {kill.ExitCode}");
    }

    private static void Log(ITestOutputHelper output, string? line)
    {
        if (line is null) return;
        try { output.WriteLine(line); }
        catch (InvalidOperationException) { } // the test has finished
    }
}
