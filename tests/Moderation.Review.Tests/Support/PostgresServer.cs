using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Moderation.Review.Tests.Support;

/// <summary>
/// A real PostgreSQL server from Debian's <c>postgresql</c> package (installed by scripts/setup.sh), started for the
/// test run: <c>initdb</c> into a temp folder and <c>postgres</c> on a free loopback port and a private unix socket,
/// both as the unprivileged <c>postgres</c> user when the tests run as root (PostgreSQL refuses to run as root).
/// Each test gets its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private Process? _server;
    private string _folder = "";
    private int _databases;

    /// <summary>Connection string of the server's <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        Assert.True(bin is not null, "PostgreSQL is missing: run scripts/setup.sh (apt-get install -y postgresql).");
        _folder = Directory.CreateTempSubdirectory("moderation-pg-").FullName;
        var data = Path.Combine(_folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run(new ProcessStartInfo("chown") { ArgumentList = { "postgres:postgres", _folder }, RedirectStandardError = true, RedirectStandardOutput = true });
        }

        Run(Command(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"));
        var port = FreePort();
        _server = Process.Start(Command(asRoot, Path.Combine(bin, "postgres"), "-D", data, "-p",
            port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"))!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"review_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return AdminConnectionString.Replace("Database=postgres", $"Database={name}", StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    /// <summary><paramref name="program"/> with <paramref name="args"/>, through <c>runuser -u postgres --</c> as root.</summary>
    private static ProcessStartInfo Command(bool asRoot, string program, params string[] args)
    {
        var info = new ProcessStartInfo(asRoot ? "runuser" : program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in asRoot ? ["-u", "postgres", "--", program, .. args] : args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static void Run(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{info.FileName} {string.Join(' ', info.ArgumentList)} failed: {stderr.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
